package com.contactsync;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.sink.ProfileWriteBatch;
import com.contactsync.sink.ProfileWriteBatcher;
import com.contactsync.source.ProfileEvent;
import com.contactsync.sync.ProfileSyncFunction;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
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
 *                    ├─ keyBy(profile id) ─ normalize / dedupe / decide ─ batch ─ exactly-once JDBC sink
 *   change topic ────┘
 * </pre>
 *
 * <p>Sources and sink are arguments, so tests run the very same graph with failure injection.
 */
public final class ContactSyncPipeline {

    /** Upper bound of one batch statement's JSON, so a few huge profiles cannot make it unbounded. */
    static final int MAX_BATCH_CHARS = 8 << 20;

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
            int writeBatchProfiles,
            Sink<ProfileWriteBatch> sink) {
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
                .transform(OperatorIds.WRITE_BATCHER.displayName(), TypeInformation.of(ProfileWriteBatch.class),
                        new ProfileWriteBatcher(writeBatchProfiles, MAX_BATCH_CHARS))
                .uid(OperatorIds.WRITE_BATCHER.uid())
                .sinkTo(sink)
                .uid(OperatorIds.SINK.uid())
                .name(OperatorIds.SINK.displayName());
    }
}
