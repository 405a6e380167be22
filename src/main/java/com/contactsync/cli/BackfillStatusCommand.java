package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.source.backfill.ResnapshotRequestTable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.util.Locale;
import java.util.concurrent.Callable;

/** {@code backfill status}: the re-snapshot requests and their progress, newest first. */
@Command(name = "status", description = "Show re-snapshot requests and their progress, newest first.")
final class BackfillStatusCommand implements Callable<Integer> {

    @Option(names = "--limit", defaultValue = "20", description = "How many requests to show (default 20).")
    int limit;

    @Mixin
    DatabaseOptions database;

    @Override
    public Integer call() throws Exception {
        JobConfig job = database.load();
        var rows = ResnapshotRequestTable.from(job).list(limit);
        if (rows.isEmpty()) {
            System.out.println("no re-snapshot requests");
            return 0;
        }
        System.out.printf(Locale.ROOT, "%6s  %-10s  %-30s  %9s  %14s  %s%n", "id", "status", "selector", "progress", "profiles read", "requested at");
        for (ResnapshotRequestTable.Row row : rows) {
            // The predicate itself is not printed: it may quote personal data.
            String selector = switch (row.selector()) {
                case "ids" -> "--ids " + abbreviate(row.ids());
                case "where" -> "--where (predicate)";
                default -> "--all";
            };
            System.out.printf(Locale.ROOT, "%6d  %-10s  %-30s  %8.1f%%  %14d  %s%n", row.id(), row.status(), selector,
                    100 * row.progress(), row.profilesRead(), row.requestedAt());
        }
        return 0;
    }

    private static String abbreviate(String text) {
        return text == null || text.length() <= 24 ? text : text.substring(0, 23) + "…";
    }
}
