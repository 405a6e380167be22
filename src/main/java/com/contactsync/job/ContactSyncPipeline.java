package com.contactsync.job;

import com.contactsync.sink.ProfileWriteBatch;
import com.contactsync.sink.ProfileWriteBatcher;
import com.contactsync.source.ProfileEvent;
import com.contactsync.source.change.ChangeRouting;
import com.contactsync.sync.ProfileSyncFunction;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * The ContactSync pipeline, as in the README's diagram:
 *
 * <pre>
 *   backfill splits ────────────────────────────┐
 *                                               ├─ keyBy(profile id) ─ normalize / dedupe / decide
 *   change topic ─ parse ─┬─ profile events ───┘        ─ batch ─ exactly-once JDBC sink
 *                         └─ dead letters ─ dead-letter sink
 * </pre>
 *
 * <p>Its sources and sinks come in one {@link JobParts}, so tests run the very same graph with
 * failure injection.
 */
public final class ContactSyncPipeline {

    /** Upper bound of one batch's rows in characters, so a few huge profiles cannot make a statement unbounded. */
    static final int MAX_BATCH_CHARS = 8 << 20;

    private ContactSyncPipeline() {}

    public static void build(StreamExecutionEnvironment env, JobParts parts) {
        DataStream<ProfileEvent> backfill =
                env.fromSource(parts.backfill(), WatermarkStrategy.noWatermarks(), OperatorIds.BACKFILL_SOURCE.displayName())
                        .uid(OperatorIds.BACKFILL_SOURCE.uid());
        DataStream<ProfileEvent> events = parts.changes().map(input -> backfill.union(changeEvents(env, input))).orElse(backfill);
        events.keyBy(event -> event.profileId, Types.LONG)
                .process(new ProfileSyncFunction(parts.normalizer(), parts.reselector()))
                .uid(OperatorIds.PROFILE_SYNC.uid())
                .name(OperatorIds.PROFILE_SYNC.displayName())
                .transform(OperatorIds.WRITE_BATCHER.displayName(), TypeInformation.of(ProfileWriteBatch.class),
                        new ProfileWriteBatcher(parts.writeBatchProfiles(), MAX_BATCH_CHARS))
                .uid(OperatorIds.WRITE_BATCHER.uid())
                .sinkTo(parts.sink())
                .uid(OperatorIds.SINK.uid())
                .name(OperatorIds.SINK.displayName());
    }

    private static DataStream<ProfileEvent> changeEvents(StreamExecutionEnvironment env, JobParts.ChangeInput changes) {
        SingleOutputStreamOperator<ProfileEvent> parsed =
                env.fromSource(changes.source(), WatermarkStrategy.noWatermarks(), OperatorIds.CHANGE_SOURCE.displayName())
                        .uid(OperatorIds.CHANGE_SOURCE.uid())
                        .process(new ChangeRouting())
                        .uid(OperatorIds.CHANGE_PARSER.uid())
                        .name(OperatorIds.CHANGE_PARSER.displayName());
        parsed.getSideOutput(ChangeRouting.DEAD_LETTERS)
                .sinkTo(changes.deadLetters())
                .uid(OperatorIds.DEAD_LETTER_SINK.uid())
                .name(OperatorIds.DEAD_LETTER_SINK.displayName());
        return parsed;
    }
}
