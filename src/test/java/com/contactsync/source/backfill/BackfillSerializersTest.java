package com.contactsync.source.backfill;

import org.apache.flink.core.memory.DataOutputSerializer;
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
                .hasMessageContaining("format version 3")
                .hasMessageContaining("this build reads versions 1 to 2");
    }

    @Test
    void enumeratorStateOfUnknownVersionIsRejectedWithAClearMessage() throws IOException {
        byte[] bytes = stateSerializer.serialize(BackfillEnumeratorState.initial());

        assertThatThrownBy(() -> stateSerializer.deserialize(7, bytes))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("format version 7")
                .hasMessageContaining("this build reads versions 1 to 2");
    }

    @Test
    void resnapshotSplitKeepsItsRequestPredicateAndRowCount() throws IOException {
        IdRangeSplit split = new IdRangeSplit("r7-split-2", 100, 900, 450, 7, "country = 'DÉ' AND note <> ''", 123);

        IdRangeSplit copy = splitSerializer.deserialize(splitSerializer.getVersion(), splitSerializer.serialize(split));

        assertThat(copy).isEqualTo(split);
        assertThat(copy.predicate()).isEqualTo("country = 'DÉ' AND note <> ''");
        assertThat(copy.requestId()).isEqualTo(7);
        assertThat(copy.rowsEmitted()).isEqualTo(123);
    }

    @Test
    void enumeratorStateWithRequestsSurvivesRoundTrip() throws IOException {
        ResnapshotRequest running = new ResnapshotRequest(12, ResnapshotSelector.ids("5-10,100-200"));
        running.cut(10);
        running.finishedSpan = 6;
        running.rowsRead = 6;
        ResnapshotRequest where = new ResnapshotRequest(13, ResnapshotSelector.where("country = 'DE'"));
        ResnapshotRequest all = new ResnapshotRequest(14, ResnapshotSelector.all());
        all.resolve(List.of(new ResnapshotSelector.IdSpan(0, 5000)));
        BackfillEnumeratorState state = new BackfillEnumeratorState(500, 500, List.of(
                IdRangeSplit.unread("r12-split-1", 99, 150, 12, null)), 9, true, 14, List.of(running, where, all), 6);

        BackfillEnumeratorState copy = stateSerializer.deserialize(stateSerializer.getVersion(), stateSerializer.serialize(state));

        assertThat(copy).isEqualTo(state);
        assertThat(copy.requests()).extracting(r -> r.id).containsExactly(12L, 13L, 14L);
        assertThat(copy.requests().get(0).cursor).isEqualTo(99);
        assertThat(copy.requests().get(1).resolved()).isFalse();
        assertThat(copy.requests().get(1).selector.predicate()).isEqualTo("country = 'DE'");
        assertThat(copy.lastAcceptedRequestId()).isEqualTo(14);
    }

    @Test
    void enumeratorStateOfVersionOneIsStillRead() throws IOException {
        // Version 1 exactly as the previous build wrote it: splits nested in split format 1.
        DataOutputSerializer out = new DataOutputSerializer(128);
        out.writeLong(600);
        out.writeLong(1_000);
        out.writeBoolean(true);
        out.writeInt(3);
        out.writeInt(1);
        out.writeInt(1);
        DataOutputSerializer split = new DataOutputSerializer(64);
        split.writeUTF("split-1");
        split.writeLong(300);
        split.writeLong(600);
        split.writeLong(450);
        out.writeInt(split.length());
        out.write(split.getCopyOfBuffer());

        BackfillEnumeratorState state = stateSerializer.deserialize(1, out.getCopyOfBuffer());

        assertThat(state).isEqualTo(new BackfillEnumeratorState(600, 1_000, List.of(new IdRangeSplit("split-1", 300, 600, 450)), 3, true));
        assertThat(state.lastAcceptedRequestId()).isEqualTo(BackfillEnumeratorState.NEVER_POLLED);
        assertThat(state.requests()).isEmpty();
        assertThat(state.unassigned().get(0).requestId()).isEqualTo(IdRangeSplit.INITIAL_BACKFILL);
    }

    @Test
    void idSelectorsAreParsedSortedAndMerged() {
        assertThat(ResnapshotSelector.ids("300-400, 5, 1-10,-7--3").ranges()).containsExactly(
                new ResnapshotSelector.IdSpan(-8, -3), new ResnapshotSelector.IdSpan(0, 10), new ResnapshotSelector.IdSpan(299, 400));
        assertThat(ResnapshotSelector.ids("7").idsText()).isEqualTo("7-7");
        assertThatThrownBy(() -> ResnapshotSelector.ids("9-3")).hasMessageContaining("low <= high");
        assertThatThrownBy(() -> ResnapshotSelector.ids("a-b")).hasMessageContaining("not an id");
    }

    @Test
    void splitPositionOutsideItsRangeIsRejected() {
        assertThatThrownBy(() -> new IdRangeSplit("split-1", 10, 20, 21))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lowExclusive <= lastEmittedId <= highInclusive");
    }
}
