package com.contactsync;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.sink.ProfileWrite;
import com.contactsync.source.ProfileEvent;
import com.contactsync.sync.ProfileSyncFunction;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The ContactSync pipeline, as in the README's diagram:
 *
 * <pre>
 *   backfill splits ─┐
 *                    ├─ keyBy(profile id) ─ normalize / dedupe / decide ─ exactly-once JDBC sink
 *   change topic ────┘
 * </pre>
 *
 * <p>Sources and sink are arguments, so tests run the very same graph with failure injection.
 */
public final class ContactSyncPipeline {

    private ContactSyncPipeline() {}

    /**
     * @param backfill the backfill source, or null when the run mode reads no backfill
     * @param changes already-parsed change events, or null when the run mode reads no changes
     */
    public static void build(
            StreamExecutionEnvironment env,
            Source<ProfileEvent, ?, ?> backfill,
            DataStream<ProfileEvent> changes,
            ContactNormalizer normalizer,
            Sink<ProfileWrite> sink) {
        DataStream<ProfileEvent> events = null;
        if (backfill != null) {
            events = env.fromSource(backfill, WatermarkStrategy.noWatermarks(), OperatorIds.BACKFILL_SOURCE.displayName())
                    .uid(OperatorIds.BACKFILL_SOURCE.uid());
        }
        if (changes != null) {
            events = events == null ? changes : events.union(changes);
        }
        if (events == null) {
            throw new IllegalArgumentException("the pipeline needs a backfill source, a change stream, or both");
        }
        events.keyBy(event -> event.profileId, Types.LONG)
                .process(new ProfileSyncFunction(normalizer))
                .uid(OperatorIds.PROFILE_SYNC.uid())
                .name(OperatorIds.PROFILE_SYNC.displayName())
                .sinkTo(sink)
                .uid(OperatorIds.SINK.uid())
                .name(OperatorIds.SINK.displayName());
    }
}
