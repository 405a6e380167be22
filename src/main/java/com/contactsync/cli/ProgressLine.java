package com.contactsync.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/** Prints the backfill's progress (done %, rows/s, ETA) and the live sync's lag from the local job's metrics. */
final class ProgressLine {

    private final PrintStream out;
    private final long totalProfiles;
    private final Supplier<String> live;
    private final long startNanos = System.nanoTime();
    private long lastRead;
    private long lastNanos = startNanos;

    ProgressLine(PrintStream out, long totalProfiles, Supplier<String> live) {
        this.out = out;
        this.totalProfiles = Math.max(1, totalProfiles);
        this.live = live;
    }

    void print() {
        long now = System.nanoTime();
        long read = LocalMetrics.sum("profilesRead");
        long writes = LocalMetrics.sum("profileWrites");
        double interval = Math.max(1e-3, (now - lastNanos) / 1e9);
        double rate = (read - lastRead) / interval;
        double overall = read / Math.max(1e-3, (now - startNanos) / 1e9);
        long remaining = Math.max(0, totalProfiles - read);
        String eta = LocalMetrics.gaugeMax("backfillDone") == 1 ? "done"
                : overall > 0 ? format(Duration.ofSeconds((long) (remaining / overall))) : "?";
        String line = String.format("backfill %5.1f%% | %,d/%,d profiles | %,.0f profiles/s | ETA %s | %,d profile writes",
                Math.min(100.0, 100.0 * read / totalProfiles), read, totalProfiles, rate, eta, writes);
        String liveText = live == null ? null : live.get();
        out.println(liveText == null ? line : line + " | " + liveText);
        lastRead = read;
        lastNanos = now;
    }

    private static String format(Duration d) {
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
