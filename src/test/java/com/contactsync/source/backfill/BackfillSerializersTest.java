package com.contactsync.source.backfill;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BackfillSerializersTest {

    private final IdRangeSplitSerializer splitSerializer = new IdRangeSplitSerializer();
    private final BackfillEnumeratorStateSerializer stateSerializer = new BackfillEnumeratorStateSerializer();

    @Test
    void halfReadSplitSurvivesRoundTrip() throws IOException {
        IdRangeSplit split = new IdRangeSplit("split-41", -5, 4_000_000_000_000_000L, 1_000_000_000_123L);

        IdRangeSplit copy = splitSerializer.deserialize(splitSerializer.getVersion(), splitSerializer.serialize(split));

        assertThat(copy).isEqualTo(split);
        assertThat(copy.lastEmittedId()).isEqualTo(1_000_000_000_123L);
    }

    @Test
    void enumeratorStateSurvivesRoundTrip() throws IOException {
        BackfillEnumeratorState state = new BackfillEnumeratorState(1_000_000_000_300L, 4_000_000_000_000_000L,
                List.of(new IdRangeSplit("split-3", 600, 900, 750), IdRangeSplit.unread("split-9", 900, 1_000_000_000_300L)),
                10, true);

        BackfillEnumeratorState copy = stateSerializer.deserialize(stateSerializer.getVersion(), stateSerializer.serialize(state));

        assertThat(copy).isEqualTo(state);
        assertThat(copy.unassigned()).extracting(IdRangeSplit::lastEmittedId).containsExactly(750L, 900L);
    }

    @Test
    void initialStateSurvivesRoundTrip() throws IOException {
        BackfillEnumeratorState state = BackfillEnumeratorState.initial();

        BackfillEnumeratorState copy = stateSerializer.deserialize(stateSerializer.getVersion(), stateSerializer.serialize(state));

        assertThat(copy).isEqualTo(state);
        assertThat(copy.upperBoundInitialised()).isFalse();
    }

    @Test
    void splitOfUnknownVersionIsRejectedWithAClearMessage() throws IOException {
        byte[] bytes = splitSerializer.serialize(IdRangeSplit.unread("split-0", 0, 10));

        assertThatThrownBy(() -> splitSerializer.deserialize(IdRangeSplitSerializer.VERSION + 1, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format version 2")
                .hasMessageContaining("this build reads version 1");
    }

    @Test
    void enumeratorStateOfUnknownVersionIsRejectedWithAClearMessage() throws IOException {
        byte[] bytes = stateSerializer.serialize(BackfillEnumeratorState.initial());

        assertThatThrownBy(() -> stateSerializer.deserialize(7, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format version 7")
                .hasMessageContaining("this build reads version 1");
    }

    @Test
    void splitPositionOutsideItsRangeIsRejected() {
        assertThatThrownBy(() -> new IdRangeSplit("split-1", 10, 20, 21))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lowExclusive <= lastEmittedId <= highInclusive");
    }
}
