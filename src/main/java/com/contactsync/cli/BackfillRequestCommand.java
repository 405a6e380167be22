package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.source.backfill.BackfillSettings;
import com.contactsync.source.backfill.PredicateValidator;
import com.contactsync.source.backfill.ResnapshotRequestTable;
import com.contactsync.source.backfill.ResnapshotSelector;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.concurrent.Callable;

/** {@code backfill request --all | --ids A-B[,C-D…] | --where "<predicate>"}: asks the running job to re-read profiles. */
@Command(name = "request", description = "Record a re-snapshot request; a running job (modes live and both) picks it up within seconds.")
final class BackfillRequestCommand implements Callable<Integer> {

    @ArgGroup(exclusive = true, multiplicity = "1")
    Selection selection;

    static final class Selection {
        @Option(names = "--all", description = "Every profile.")
        boolean all;

        @Option(names = "--ids", description = "Id ranges, e.g. 1-1000,2500,3000-3999.")
        String ids;

        @Option(names = "--where", description = "One boolean expression on the profile table, e.g. \"country = 'DE'\".")
        String where;
    }

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        JobConfig job = database.load();
        ResnapshotSelector selector;
        if (selection.all) {
            selector = ResnapshotSelector.all();
        } else if (selection.ids != null) {
            selector = ResnapshotSelector.ids(selection.ids);
        } else {
            // Refused before anything is recorded or read: PostgreSQL's parser, inside our own statement.
            selector = ResnapshotSelector.where(new PredicateValidator(BackfillSettings.from(job)).validate(selection.where));
        }
        ResnapshotRequestTable requests = ResnapshotRequestTable.from(job);
        long id = requests.submit(selector);
        System.out.println("re-snapshot request " + id + " recorded (" + selector + "): a running job picks it up within seconds;"
                + " see ./contactsync backfill status");
        return 0;
    }
}
