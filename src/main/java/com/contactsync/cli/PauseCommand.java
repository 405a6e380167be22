package com.contactsync.cli;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JobConfig;
import com.contactsync.source.backfill.BackfillControl;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code pause} / {@code resume}: holds a running backfill back, or lets it go on, without a restart. */
@Command(name = "backfill", description = "Pause or resume a running backfill at runtime: backfill pause | backfill resume.")
final class PauseCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "pause or resume")
    String action;

    @Option(names = "--config", defaultValue = "conf/contactsync.yaml", description = "Job configuration (YAML).")
    Path config;

    @Option(names = "--jdbc-url", description = "Overrides source.jdbc-url.")
    String jdbcUrl;

    @Override
    public Integer call() throws Exception {
        if (!action.equals("pause") && !action.equals("resume")) {
            throw new IllegalArgumentException("say pause or resume, got " + action);
        }
        Map<String, String> overrides = new LinkedHashMap<>();
        if (jdbcUrl != null) {
            overrides.put("source.jdbc-url", jdbcUrl);
        }
        JobConfig job = ConfigLoader.load(config.toFile().exists() ? config : null, overrides);
        BackfillControl.setPaused(job.source(), job.loadGuard().controlTable(), action.equals("pause"));
        System.out.println("backfill " + (action.equals("pause") ? "paused" : "resumed")
                + ": readers notice within " + job.loadGuard().checkInterval().toSeconds() + " s");
        return 0;
    }
}
