package com.contactsync.source;

import org.junit.jupiter.api.Test;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ChangeLagBoardTest {

    private final String job = UUID.randomUUID().toString();

    @Test
    void theLagIsTheLargestFreshMeasurementOfTheJobsKeyedSubtasks() {
        ChangeLagBoard.report(job, 0, 120);
        ChangeLagBoard.report(job, 1, 900);

        assertThat(ChangeLagBoard.currentLagMillis(job)).isEqualTo(900);
    }

    @Test
    void anotherJobInTheSameJvmSeesNothingOfIt() {
        ChangeLagBoard.report(job, 0, 5_000);

        assertThat(ChangeLagBoard.currentLagMillis(UUID.randomUUID().toString())).isZero();
    }

    @Test
    void aClosedSubtaskNoLongerCounts() {
        ChangeLagBoard.report(job, 0, 120);
        ChangeLagBoard.report(job, 1, 900);

        ChangeLagBoard.forget(job, 1);

        assertThat(ChangeLagBoard.currentLagMillis(job)).isEqualTo(120);
    }

    @Test
    void aMeasurementOlderThanTheFreshnessWindowIsIgnored() throws Exception {
        ChangeLagBoard.report(job, 0, 900);

        Thread.sleep(ChangeLagBoard.FRESH_MILLIS + 100);

        assertThat(ChangeLagBoard.currentLagMillis(job)).isZero();
    }
}
