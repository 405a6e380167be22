package com.contactsync.source.change;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.runtime.execution.SuppressRestartsException;
import org.junit.jupiter.api.Test;

/** What a gap in the change topic says, and that the fail handler ends the job without restarts. */
class ChangeTopicGapTest {

    private static final ChangeTopicGap RETENTION = new ChangeTopicGap("contactsync.profile.changes", 1, 40, 55, 90);
    private static final ChangeTopicGap RECREATED = new ChangeTopicGap("contactsync.profile.changes", 0, 40, 0, 3);

    @Test
    void onlyOffsetsOutsideWhatThePartitionHoldsAreGaps() {
        assertThat(ChangeTopicGap.isGap(54, 55, 90)).isTrue();
        assertThat(ChangeTopicGap.isGap(55, 55, 90)).isFalse();
        assertThat(ChangeTopicGap.isGap(90, 55, 90)).isFalse(); // the end: the next record to come
        assertThat(ChangeTopicGap.isGap(91, 55, 90)).isTrue();
    }

    @Test
    void aRetentionGapNamesTopicPartitionOffsetsAndTheRemedy() {
        assertThat(RETENTION.lostEvents()).isEqualTo(15);
        assertThat(RETENTION.message())
                .contains("contactsync.profile.changes partition 1")
                .contains("continue at offset 40")
                .contains("now starts at offset 55")
                .contains("offsets 40..54: 15 change events")
                .contains("./contactsync backfill request --all")
                .contains("--fresh")
                .contains("live.on-gap: resnapshot");
    }

    @Test
    void aRecreatedTopicIsToldApartFromRetention() {
        assertThat(RECREATED.beyondEnd()).isTrue();
        assertThat(RECREATED.lostEvents()).isEqualTo(-1);
        assertThat(RECREATED.message())
                .contains("partition 0")
                .contains("continue at offset 40")
                .contains("now ends at offset 3")
                .contains("re-created")
                .contains("./contactsync backfill request --all");
    }

    @Test
    void theFailHandlerFailsTheJobWithoutRestarts() {
        assertThatThrownBy(() -> GapHandler.failing().onGap(RETENTION))
                .isInstanceOf(SuppressRestartsException.class)
                .cause().isInstanceOf(ChangeTopicGapException.class).hasMessage(RETENTION.message());
    }
}
