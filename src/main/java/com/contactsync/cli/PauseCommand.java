package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.source.backfill.BackfillControl;
import com.contactsync.source.backfill.LoadGuardSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code pause} / {@code resume}: holds a running backfill back, or lets it go on, without a restart. */
@Command(name = "backfill", description = "Pause or resume a running backfill at runtime: backfill pause | backfill resume;"
        + " re-snapshots: backfill request | status | cancel.",
        subcommands = {BackfillRequestCommand.class, BackfillStatusCommand.class, BackfillCancelCommand.class})
final class PauseCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", description = "pause or resume")
    String action;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        if (action == null || (!action.equals("pause") && !action.equals("resume"))) {
            throw new IllegalArgumentException("say pause, resume, request, status or cancel; got " + action);
        }
        JobConfig job = database.load();
        LoadGuardSettings guard = LoadGuardSettings.from(job);
        BackfillControl.setPaused(job.source(), guard.controlTable(), action.equals("pause"));
        System.out.println("backfill " + (action.equals("pause") ? "paused" : "resumed")
                + ": readers notice within " + guard.checkInterval().toSeconds() + " s");
        return 0;
    }
}
