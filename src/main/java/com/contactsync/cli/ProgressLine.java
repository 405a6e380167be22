package com.contactsync.cli;

import java.io.PrintStream;
import java.time.Duration;

/** Prints the backfill's progress (done %, rows/s, ETA) from the local job's counters. */
final class ProgressLine {

    private final PrintStream out;
    private final long totalProfiles;
    private final long startNanos = System.nanoTime();
    private long lastRead;
    private long lastNanos = startNanos;

    ProgressLine(PrintStream out, long totalProfiles) {
        this.out = out;
        this.totalProfiles = Math.max(1, totalProfiles);
    }

    void print() {
        long now = System.nanoTime();
        long read = LocalMetrics.sum("profilesRead");
        long writes = LocalMetrics.sum("profileWrites");
        double interval = Math.max(1e-3, (now - lastNanos) / 1e9);
        double rate = (read - lastRead) / interval;
        double overall = read / Math.max(1e-3, (now - startNanos) / 1e9);
        long remaining = Math.max(0, totalProfiles - read);
        String eta = overall > 0 ? format(Duration.ofSeconds((long) (remaining / overall))) : "?";
        out.printf("backfill %5.1f%% | %,d/%,d profiles | %,.0f profiles/s | ETA %s | %,d profile writes%n",
                Math.min(100.0, 100.0 * read / totalProfiles), read, totalProfiles, rate, eta, writes);
        lastRead = read;
        lastNanos = now;
    }

    private static String format(Duration d) {
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
