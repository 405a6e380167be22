package com.contactsync.source.backfill;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class TokenBucketThrottleTest {

    @Test
    void holdsReadsToTheConfiguredRate() throws Exception {
        BackfillThrottle throttle = BackfillThrottle.perSecond(10_000);
        long start = System.nanoTime();

        for (int page = 0; page < 20; page++) {
            throttle.acquire(1_000);
        }

        // 20,000 rows at 10,000/s with a one-second burst allowance: at least one second.
        long elapsedMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        assertThat(elapsedMillis).isBetween(950L, 2_500L);
    }

    @Test
    void unlimitedThrottleNeverWaits() throws Exception {
        BackfillThrottle throttle = BackfillThrottle.perSecond(0);
        long start = System.nanoTime();

        throttle.acquire(Integer.MAX_VALUE);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100);
    }

    @Test
    void wakeUpEndsAWaitButKeepsTheDebt() throws Exception {
        BackfillThrottle throttle = BackfillThrottle.perSecond(1_000);
        long start = System.nanoTime();

        CompletableFuture<Void> waiting = CompletableFuture.runAsync(() -> {
            try {
                throttle.acquire(100_000); // 99 s of debt
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(100);
        throttle.wakeUp();
        waiting.get(5, TimeUnit.SECONDS);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(2_000);
        CompletableFuture<Void> stillOwed = CompletableFuture.runAsync(() -> {
            try {
                throttle.acquire(1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        Thread.sleep(200);
        assertThat(stillOwed).isNotDone();
        throttle.wakeUp();
        stillOwed.get(5, TimeUnit.SECONDS);
    }
}
