package com.contactsync.source.backfill;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Holds the backfill back while the change stream lags more than a ceiling (like gh-ost's
 * max-lag-millis): the backfill yields, the changes are never throttled. While it holds, the
 * backfill rows already in flight drain and the changes behind them reach the sink sooner.
 */
final class ChangeLagThrottle implements BackfillThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeLagThrottle.class);
    /** Short: the lag is measured on every change, and a held page is throughput lost. */
    private static final long STEP_MILLIS = 25;
    private static final long LOG_EVERY_MILLIS = 10_000;

    private final long maxLagMillis;
    private final LongSupplier currentLagMillis;
    private final BackfillThrottle inner;
    private final AtomicLong yieldedMillis = new AtomicLong();
    private volatile boolean wakeUp;
    private long lastLogMillis;

    ChangeLagThrottle(Duration maxLag, LongSupplier currentLagMillis, BackfillThrottle inner) {
        if (maxLag.isNegative() || maxLag.isZero()) {
            throw new IllegalArgumentException("backfill.max-change-lag must be positive to throttle, got " + maxLag);
        }
        this.maxLagMillis = maxLag.toMillis();
        this.currentLagMillis = currentLagMillis;
        this.inner = inner;
    }

    /** Milliseconds this reader held back for the change stream so far. */
    long yieldedMillis() {
        return yieldedMillis.get();
    }

    @Override
    public void acquire(int rows) throws InterruptedException {
        inner.acquire(rows);
        wakeUp = false;
        long lag;
        while (!wakeUp && (lag = currentLagMillis.getAsLong()) > maxLagMillis) {
            long now = System.currentTimeMillis();
            if (now - lastLogMillis >= LOG_EVERY_MILLIS) {
                lastLogMillis = now;
                LOG.info("backfill yields to the change stream: change lag {} ms > backfill.max-change-lag {} ms"
                        + " (held back {} ms so far)", lag, maxLagMillis, yieldedMillis.get());
            }
            Thread.sleep(STEP_MILLIS);
            yieldedMillis.addAndGet(STEP_MILLIS);
        }
    }

    @Override
    public void wakeUp() {
        wakeUp = true;
        inner.wakeUp();
    }

    @Override
    public void release() {
        inner.release();
    }
}
