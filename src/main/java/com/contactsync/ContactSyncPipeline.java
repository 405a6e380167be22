package com.contactsync;

import com.contactsync.deadletter.DeadLetter;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.sink.ProfileWriteBatch;
import com.contactsync.sink.ProfileWriteBatcher;
import com.contactsync.source.ProfileEvent;
import com.contactsync.source.change.ChangeRecord;
import com.contactsync.source.change.ChangeRouting;
import com.contactsync.sync.ProfileSyncFunction;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
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
 * <p>Sources and sinks are arguments, so tests run the very same graph with failure injection.
 */
public final class ContactSyncPipeline {

    /** Upper bound of one batch statement's JSON, so a few huge profiles cannot make it unbounded. */
    static final int MAX_BATCH_CHARS = 8 << 20;

    private ContactSyncPipeline() {}

    /**
     * @param backfill the backfill source, or null when the run mode reads no backfill
     * @param changes the change-topic source, or null when the run mode reads no changes
     * @param deadLetters where malformed change events go; required with {@code changes}
     */
    public static void build(
            StreamExecutionEnvironment env,
            Source<ProfileEvent, ?, ?> backfill,
            Source<ChangeRecord, ?, ?> changes,
            ContactNormalizer normalizer,
            int writeBatchProfiles,
            Sink<ProfileWriteBatch> sink,
            Sink<DeadLetter> deadLetters) {
        DataStream<ProfileEvent> events = null;
        if (backfill != null) {
            events = env.fromSource(backfill, WatermarkStrategy.noWatermarks(), OperatorIds.BACKFILL_SOURCE.displayName())
                    .uid(OperatorIds.BACKFILL_SOURCE.uid());
        }
        if (changes != null) {
            DataStream<ProfileEvent> changeEvents = changeEvents(env, changes, deadLetters);
            events = events == null ? changeEvents : events.union(changeEvents);
        }
        if (events == null) {
            throw new IllegalArgumentException("the pipeline needs a backfill source, a change source, or both");
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

    private static DataStream<ProfileEvent> changeEvents(
            StreamExecutionEnvironment env, Source<ChangeRecord, ?, ?> changes, Sink<DeadLetter> deadLetters) {
        if (deadLetters == null) {
            throw new IllegalArgumentException("a change source needs a dead-letter sink: bad events must never vanish");
        }
        SingleOutputStreamOperator<ProfileEvent> parsed =
                env.fromSource(changes, WatermarkStrategy.noWatermarks(), OperatorIds.CHANGE_SOURCE.displayName())
                        .uid(OperatorIds.CHANGE_SOURCE.uid())
                        .process(new ChangeRouting())
                        .uid(OperatorIds.CHANGE_PARSER.uid())
                        .name(OperatorIds.CHANGE_PARSER.displayName());
        parsed.getSideOutput(ChangeRouting.DEAD_LETTERS)
                .sinkTo(deadLetters)
                .uid(OperatorIds.DEAD_LETTER_SINK.uid())
                .name(OperatorIds.DEAD_LETTER_SINK.displayName());
        return parsed;
    }
}
