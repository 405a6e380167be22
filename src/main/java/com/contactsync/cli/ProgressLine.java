package com.contactsync.cli;

import java.io.PrintStream;
import java.time.Duration;
import java.util.function.Supplier;

/** Prints the backfill's progress (done %, rows/s, ETA) and the live sync's lag from the local job's metrics. */
final class ProgressLine {

    private final PrintStream out;
    private final BackfillProgress progress;
    private final Supplier<String> live;
    private long lastRead;
    private long lastNanos = System.nanoTime();

    /** @param estimatedProfiles the table's estimated rows (see {@link SourceTableSize}); raised as rows are read */
    ProgressLine(PrintStream out, long estimatedProfiles, Supplier<String> live) {
        this.out = out;
        this.progress = new BackfillProgress(estimatedProfiles);
        this.live = live;
    }

    void print() {
        long now = System.nanoTime();
        long read = LocalMetrics.sum("profilesRead");
        long writes = LocalMetrics.sum("profileWrites");
        progress.update(now, read, LocalMetrics.gaugeMax("backfillDone") == 1);
        double rate = (read - lastRead) / Math.max(1e-3, (now - lastNanos) / 1e9);
        String eta = progress.percent() >= 100 ? "done" : progress.eta().map(ProgressLine::format).orElse("?");
        String line = String.format("backfill %5.1f%% | %,d/%,d profiles | %,.0f profiles/s | ETA %s | %,d profile writes",
                progress.percent(), read, progress.total(), rate, eta, writes);
        String liveText = live == null ? null : live.get();
        out.println(liveText == null ? line : line + " | " + liveText);
        lastRead = read;
        lastNanos = now;
    }

    private static String format(Duration d) {
        return String.format("%d:%02d:%02d", d.toHours(), d.toMinutesPart(), d.toSecondsPart());
    }
}
