package com.contactsync.source.backfill;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChangeLagThrottleTest {

    private final AtomicLong lag = new AtomicLong();
    private final ChangeLagThrottle throttle = new ChangeLagThrottle(Duration.ofMillis(500), lag::get, BackfillThrottle.perSecond(0));

    @Test
    void aLagAtOrBelowTheCeilingNeverHoldsTheBackfill() throws Exception {
        lag.set(500);
        long start = System.nanoTime();

        throttle.acquire(1_000);

        assertThat(TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start)).isLessThan(100);
        assertThat(throttle.yieldedMillis()).isZero();
    }

    @Test
    void theBackfillYieldsUntilTheLagIsBackUnderTheCeiling() throws Exception {
        lag.set(2_000);
        CompletableFuture<Void> page = acquireAsync();
        Thread.sleep(300);
        assertThat(page).isNotDone();

        lag.set(100);

        page.get(5, TimeUnit.SECONDS);
        assertThat(throttle.yieldedMillis()).isGreaterThanOrEqualTo(250);
    }

    @Test
    void wakeUpEndsTheYieldSoTheFetcherCanTakeOtherWork() throws Exception {
        lag.set(2_000);
        CompletableFuture<Void> page = acquireAsync();
        Thread.sleep(100);

        throttle.wakeUp();

        page.get(5, TimeUnit.SECONDS);
    }

    @Test
    void aCeilingOfZeroIsNoThrottleAndIsRefusedHere() {
        // Zero means "off": BackfillSource builds no ChangeLagThrottle for it.
        assertThatThrownBy(() -> new ChangeLagThrottle(Duration.ZERO, lag::get, BackfillThrottle.perSecond(0)))
                .hasMessageContaining("backfill.max-change-lag");
    }

    private CompletableFuture<Void> acquireAsync() {
        return CompletableFuture.runAsync(() -> {
            try {
                throttle.acquire(1_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }
}
