package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.source.backfill.ResnapshotRequestTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

import java.util.concurrent.Callable;

/** {@code backfill cancel <id>}: drops a pending or running re-snapshot request. */
@Command(name = "cancel", description = "Cancel a pending or running re-snapshot request; splits already being read finish.")
final class BackfillCancelCommand implements Callable<Integer> {

    @Parameters(index = "0", description = "The request id (see backfill status).")
    long id;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        JobConfig job = database.load();
        if (!ResnapshotRequestTable.from(job).cancel(id)) {
            System.err.println("no pending or running re-snapshot request " + id);
            return 2;
        }
        System.out.println("re-snapshot request " + id + " cancelled: the job drops it within seconds");
        return 0;
    }
}
