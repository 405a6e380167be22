package com.contactsync.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

/** Every mismatched profile's id is kept for the repair, ascending, up to the cap, whatever the details cap. */
class MismatchCollectorTest {

    @Test
    void idsOfAllMismatchedProfilesAreKeptBeyondTheDetailsCap() {
        MismatchCollector collector = new MismatchCollector(1, 10);
        for (long id : new long[] {7, 3, 5}) {
            collector.add(List.of(missing(id), missing(id)));
        }
        collector.add(List.of());

        VerificationResult result = collector.result(Duration.ZERO);

        assertThat(result.details()).hasSize(1);
        assertThat(result.mismatchedIds()).containsExactly(3, 5, 7);
        assertThat(result.allMismatchedIdsKept()).isTrue();
    }

    @Test
    void beyondTheIdCapTheResultSaysTheRepairIsPartial() {
        MismatchCollector collector = new MismatchCollector(100, 2);
        for (long id = 1; id <= 5; id++) {
            collector.add(List.of(missing(id)));
        }

        VerificationResult result = collector.result(Duration.ZERO);

        assertThat(result.mismatched()).isEqualTo(5);
        assertThat(result.mismatchedIds()).containsExactly(1, 2);
        assertThat(result.allMismatchedIdsKept()).isFalse();
    }

    private static Mismatch missing(long id) {
        return new Mismatch(id, "profile_email", MismatchKind.MISSING_ROW, "row " + id);
    }
}
