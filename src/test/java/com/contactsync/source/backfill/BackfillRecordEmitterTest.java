package com.contactsync.source.backfill;

import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.eventtime.Watermark;
import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.metrics.SimpleCounter;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BackfillRecordEmitterTest {

    @Test
    void emittingARowMovesTheSplitPositionAndCountsIt() {
        SimpleCounter profilesRead = new SimpleCounter();
        BackfillRecordEmitter emitter = new BackfillRecordEmitter(profilesRead);
        IdRangeSplitState state = new IdRangeSplitState(IdRangeSplit.unread("split-2", 100, 200));
        CollectingOutput output = new CollectingOutput();

        emitter.emitRecord(ProfileEvent.snapshot(105, "{}", null), output, state);
        emitter.emitRecord(ProfileEvent.snapshot(150, "{}", "FR"), output, state);

        assertThat(output.rows).extracting(row -> row.profileId).containsExactly(105L, 150L);
        assertThat(state.toSplit()).isEqualTo(new IdRangeSplit("split-2", 100, 200, 150, IdRangeSplit.INITIAL_BACKFILL, null, 2));
        assertThat(profilesRead.getCount()).isEqualTo(2);
    }

    private static final class CollectingOutput implements SourceOutput<ProfileEvent> {

        final List<ProfileEvent> rows = new ArrayList<>();

        @Override
        public void collect(ProfileEvent record) {
            rows.add(record);
        }

        @Override
        public void collect(ProfileEvent record, long timestamp) {
            rows.add(record);
        }

        @Override
        public void emitWatermark(Watermark watermark) {}

        @Override
        public void markIdle() {}

        @Override
        public void markActive() {}
    }
}
