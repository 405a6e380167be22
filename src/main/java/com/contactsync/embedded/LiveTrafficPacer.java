package com.contactsync.embedded;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Spaces changes evenly at a fixed rate: the n-th change is due at start + n / rate, so sleep
 * overshoot does not accumulate. A backlog (a slow database) is made up for at most one second's
 * worth, then dropped, so the rate never bursts far above the target.
 */
final class LiveTrafficPacer {

    private static final long MAX_BACKLOG_NANOS = TimeUnit.SECONDS.toNanos(1);

    private final double intervalNanos;
    private final long start;
    private long next;

    LiveTrafficPacer(double changesPerSecond) {
        if (!(changesPerSecond > 0) || Double.isInfinite(changesPerSecond)) {
            throw new IllegalArgumentException("the rate must be > 0 changes/s, got " + changesPerSecond);
        }
        this.intervalNanos = TimeUnit.SECONDS.toNanos(1) / changesPerSecond;
        this.start = System.nanoTime();
    }

    /** Waits until the next change is due; false if {@code running} turned false meanwhile. */
    boolean awaitNext(BooleanSupplier running) {
        long dueAt = start + (long) (next * intervalNanos);
        long now = System.nanoTime();
        if (now - dueAt > MAX_BACKLOG_NANOS) {
            next = (long) ((now - MAX_BACKLOG_NANOS - start) / intervalNanos);
            dueAt = start + (long) (next * intervalNanos);
        }
        while (running.getAsBoolean() && dueAt - System.nanoTime() > 0) {
            LockSupport.parkNanos(dueAt - System.nanoTime());
        }
        next++;
        return running.getAsBoolean();
    }
}
