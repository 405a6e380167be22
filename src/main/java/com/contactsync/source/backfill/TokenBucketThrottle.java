package com.contactsync.source.backfill;

import java.util.concurrent.TimeUnit;

/** A token bucket holding one second's worth of rows that sleeps off the rows a page overdraws. */
final class TokenBucketThrottle implements BackfillThrottle {

    private final double rowsPerSecond;
    private final double capacity;
    private double tokens;
    private long lastRefillNanos;
    private boolean wokenUp;

    TokenBucketThrottle(double rowsPerSecond) {
        if (!(rowsPerSecond > 0) || Double.isInfinite(rowsPerSecond)) {
            throw new IllegalArgumentException("a token bucket needs a finite rate > 0, got " + rowsPerSecond);
        }
        this.rowsPerSecond = rowsPerSecond;
        this.capacity = Math.max(rowsPerSecond, 1);
        this.tokens = capacity;
        this.lastRefillNanos = System.nanoTime();
    }

    @Override
    public synchronized void acquire(int rows) throws InterruptedException {
        // Charged in full even when woken early: the debt carries over, so the long-run rate holds.
        refill();
        tokens -= rows;
        while (tokens < 0 && !wokenUp) {
            long debtNanos = (long) Math.ceil(-tokens / rowsPerSecond * 1e9);
            TimeUnit.NANOSECONDS.timedWait(this, debtNanos);
            refill();
        }
        wokenUp = false;
    }

    @Override
    public synchronized void wakeUp() {
        wokenUp = true;
        notifyAll();
    }

    private void refill() {
        long now = System.nanoTime();
        tokens = Math.min(capacity, tokens + (now - lastRefillNanos) / 1e9 * rowsPerSecond);
        lastRefillNanos = now;
    }
}
