package com.contactsync.job;

import static com.contactsync.config.ContactSyncOptions.SINK_BATCH_SIZE;

import com.contactsync.config.JobConfig;
import com.contactsync.deadletter.DeadLetter;
import com.contactsync.deadletter.DeadLetterSink;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.sink.ExactlyOnceProfileSink;
import com.contactsync.sink.ProfileWriteBatch;
import com.contactsync.source.ProfileEvent;
import com.contactsync.source.backfill.BackfillSettings;
import com.contactsync.source.backfill.BackfillSource;
import com.contactsync.source.backfill.LoadGuardSettings;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.source.change.ChangeRecord;
import com.contactsync.source.change.ChangeSourceFactory;
import com.contactsync.source.change.LiveSettings;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

import java.util.Objects;
import java.util.Optional;

/**
 * The parts one ContactSync job is assembled from, made from its configuration: what the run mode
 * reads, the normalizer and the sinks. Tests replace exactly what they must ({@link #withSink},
 * {@link #withDeadLetterSink}) and hand the value to the same {@link ContactSyncPipeline}.
 */
public final class JobParts {

    /** The change topic and where its bad events go: one cannot be attached without the other. */
    public record ChangeInput(Source<ChangeRecord, ?, ?> source, Sink<DeadLetter> deadLetters) {
        public ChangeInput {
            Objects.requireNonNull(source, "the change source is required");
            Objects.requireNonNull(deadLetters, "a change source needs a dead-letter sink: bad events must never vanish");
        }
    }

    private final JobConfig config;
    private final Source<ProfileEvent, ?, ?> backfill;
    private final ChangeInput changes;
    private final ContactNormalizer normalizer;
    private final Sink<ProfileWriteBatch> sink;

    private JobParts(JobConfig config, Source<ProfileEvent, ?, ?> backfill, ChangeInput changes,
            ContactNormalizer normalizer, Sink<ProfileWriteBatch> sink) {
        this.config = config;
        this.backfill = backfill;
        this.changes = changes;
        this.normalizer = normalizer;
        this.sink = sink;
    }

    /**
     * The production parts of {@code config}'s run mode.
     *
     * @param changesFrom where a job without state starts reading the change topic
     *     ({@link ContactSyncJob#prepare}); ignored when the mode reads no changes
     */
    public static JobParts of(JobConfig config, OffsetsInitializer changesFrom) {
        Source<ProfileEvent, ?, ?> backfill = config.mode().readsBackfill()
                ? new BackfillSource(BackfillSettings.from(config), LoadGuardSettings.from(config))
                : null;
        ChangeInput changes = null;
        if (config.mode().readsChanges()) {
            LiveSettings live = LiveSettings.from(config);
            changes = new ChangeInput(
                    ChangeSourceFactory.create(live.bootstrapServers(), live.topic(), live.groupId(),
                            Objects.requireNonNull(changesFrom, "a mode that reads changes needs a starting position"),
                            ChangeParserSettings.from(config)),
                    DeadLetterSink.create(config.target()));
        }
        return new JobParts(config, backfill, changes, new ContactNormalizer(NormalizerSettings.from(config)),
                ExactlyOnceProfileSink.create(config.target()));
    }

    /** The same job writing its profiles through {@code replacement} (e.g. a sink that injects faults). */
    public JobParts withSink(Sink<ProfileWriteBatch> replacement) {
        return new JobParts(config, backfill, changes, normalizer, Objects.requireNonNull(replacement));
    }

    /** The same job writing its dead letters through {@code replacement}; only for a mode that reads changes. */
    public JobParts withDeadLetterSink(Sink<DeadLetter> replacement) {
        if (changes == null) {
            throw new IllegalStateException("job.mode " + config.mode() + " reads no change topic, so it has no dead letters");
        }
        return new JobParts(config, backfill, new ChangeInput(changes.source(), replacement), normalizer, sink);
    }

    public JobConfig config() {
        return config;
    }

    /** Empty when the run mode reads no backfill. */
    public Optional<Source<ProfileEvent, ?, ?>> backfill() {
        return Optional.ofNullable(backfill);
    }

    /** Empty when the run mode reads no change topic. */
    public Optional<ChangeInput> changes() {
        return Optional.ofNullable(changes);
    }

    public ContactNormalizer normalizer() {
        return normalizer;
    }

    public int writeBatchProfiles() {
        return config.get(SINK_BATCH_SIZE);
    }

    public Sink<ProfileWriteBatch> sink() {
        return sink;
    }
}
