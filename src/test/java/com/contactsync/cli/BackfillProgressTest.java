package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Duration;

class BackfillProgressTest {

    private static final long SECOND = 1_000_000_000L;

    @ParameterizedTest(name = "estimate {0}, read {1}: total {2}, {3} %")
    @CsvSource({
        // estimate, read, total, percent  (the backfill still running)
        "1000,       0,     1000,  0.0",
        "1000,     500,     1000, 50.0",
        "1000,     999,     1000, 99.9",
        "1000,    1000,     1001, 99.9", // read as many as estimated: raised, not done
        "1000,  174379,   174553, 99.9", // a table never analyzed, estimated far too low
        "  -1,    5000,     5005, 99.9", // no estimate at all
        "   0,       0,        1,  0.0",
    })
    void theTotalIsRaisedPastWhatWasReadAndNeverShowsDoneEarly(long estimate, long read, long total, double percent) {
        BackfillProgress progress = new BackfillProgress(estimate);
        progress.update(0, read, false);
        assertThat(progress.total()).isEqualTo(total);
        assertThat(progress.percent()).isEqualTo(percent);
    }

    @Test
    void doneMeansAllOfWhatWasRead() {
        BackfillProgress progress = new BackfillProgress(1_000_000);
        progress.update(0, 600_000, true);
        assertThat(progress.total()).isEqualTo(600_000);
        assertThat(progress.percent()).isEqualTo(100.0);
        assertThat(progress.eta()).contains(Duration.ZERO);
    }

    @Test
    void etaFollowsTheRecentRateNotTheRunsAverage() {
        BackfillProgress progress = new BackfillProgress(100_000);
        progress.update(0, 0, false);
        progress.update(10 * SECOND, 50_000, false); // fast at first: 5,000/s
        progress.update(50 * SECOND, 50_000, false); // then paused for 40 s
        progress.update(60 * SECOND, 60_000, false); // now 1,000/s over the last 10 s
        // The window holds the samples of the last 30 s: (50 s, 50,000) and (60 s, 60,000).
        assertThat(progress.recentRate()).isEqualTo(1_000.0);
        assertThat(progress.eta()).contains(Duration.ofSeconds(40));
    }

    @Test
    void noEtaBeforeARateIsKnownOrWhileStalled() {
        BackfillProgress progress = new BackfillProgress(100);
        assertThat(progress.eta()).isEmpty();
        progress.update(0, 10, false);
        assertThat(progress.eta()).isEmpty();
        progress.update(5 * SECOND, 10, false);
        assertThat(progress.eta()).isEmpty();
    }
}
