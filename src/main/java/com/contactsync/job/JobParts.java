package com.contactsync.job;

import static com.contactsync.config.ContactSyncOptions.BACKFILL_MAX_CHANGE_LAG;
import static com.contactsync.config.ContactSyncOptions.SINK_BATCH_SIZE;
import static com.contactsync.config.ContactSyncOptions.SINK_DEFERRED_INDEXES;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.deadletter.DeadLetter;
import com.contactsync.deadletter.DeadLetterSink;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.sink.ExactlyOnceProfileSink;
import com.contactsync.sink.ProfileWriteBatch;
import com.contactsync.sink.SecondaryIndexes;
import com.contactsync.source.ProfileEvent;
import com.contactsync.source.backfill.BackfillSettings;
import com.contactsync.source.backfill.BackfillSource;
import com.contactsync.source.backfill.IndexBuild;
import com.contactsync.source.backfill.JdbcProfileReselector;
import com.contactsync.source.backfill.LoadGuardSettings;
import com.contactsync.source.backfill.RequestPolling;
import com.contactsync.source.backfill.ResnapshotRequestTable;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.source.change.ChangeRecord;
import com.contactsync.source.change.ChangeSourceFactory;
import com.contactsync.source.change.GapOptions;
import com.contactsync.source.change.LiveSettings;
import com.contactsync.source.ProfileReselector;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

import java.time.Duration;
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

    /** How soon a running job sees a new or cancelled re-snapshot request. */
    static final Duration REQUEST_POLL_INTERVAL = Duration.ofSeconds(2);

    private final JobConfig config;
    private final Source<ProfileEvent, ?, ?> backfill;
    private final ChangeInput changes;
    private final ContactNormalizer normalizer;
    private final ProfileReselector reselector;
    private final Sink<ProfileWriteBatch> sink;

    private JobParts(JobConfig config, Source<ProfileEvent, ?, ?> backfill, ChangeInput changes,
            ContactNormalizer normalizer, ProfileReselector reselector, Sink<ProfileWriteBatch> sink) {
        this.config = config;
        this.backfill = backfill;
        this.changes = changes;
        this.normalizer = normalizer;
        this.reselector = reselector;
        this.sink = sink;
    }

    /**
     * The production parts of {@code config}'s run mode.
     *
     * @param changesFrom where a job without state starts reading the change topic
     *     ({@link ContactSyncJob#prepare}); ignored when the mode reads no changes
     */
    public static JobParts of(JobConfig config, OffsetsInitializer changesFrom) {
        BackfillSettings backfill = BackfillSettings.from(config);
        ResnapshotRequestTable requests = ResnapshotRequestTable.from(config);
        ChangeInput changes = null;
        if (config.mode().readsChanges()) {
            LiveSettings live = LiveSettings.from(config);
            changes = new ChangeInput(
                    ChangeSourceFactory.create(live.bootstrapServers(), live.topic(), live.groupId(),
                            Objects.requireNonNull(changesFrom, "a mode that reads changes needs a starting position"),
                            ChangeParserSettings.from(config),
                            GapOptions.handler(live.onGap(), config.target(), reason -> requests.submitFullUnlessPending())),
                    DeadLetterSink.create(config.target()));
        }
        return new JobParts(config, backfillSource(config, backfill, requests), changes,
                new ContactNormalizer(NormalizerSettings.from(config)),
                backfill.profileTable().hasCountryColumn() ? new JdbcProfileReselector(backfill) : null,
                ExactlyOnceProfileSink.create(config.target()));
    }

    /**
     * Mode backfill reads the table once and ends. Modes both and live keep the source running
     * after the initial backfill (mode live has none) to serve re-snapshot requests while live.
     * With deferred indexes, the source builds what {@link ContactSyncJob#prepareTarget} dropped
     * once the initial backfill is cut through (and what a crash left missing, at its start).
     */
    private static Source<ProfileEvent, ?, ?> backfillSource(JobConfig config, BackfillSettings settings,
            ResnapshotRequestTable requests) {
        LoadGuardSettings guard = LoadGuardSettings.from(config);
        BackfillSource source;
        if (config.mode().isBounded()) {
            source = new BackfillSource(settings, guard);
        } else {
            RequestPolling polling = new RequestPolling(requests, REQUEST_POLL_INTERVAL);
            source = BackfillSource.continuous(settings, guard, polling, config.mode().readsBackfill())
                    .repairingDriftIn(config.target())
                    .yieldingToChangesAbove(config.get(BACKFILL_MAX_CHANGE_LAG));
        }
        return config.get(SINK_DEFERRED_INDEXES) ? source.buildingIndexesAtEnd(deferredIndexes(config.target())) : source;
    }

    private static IndexBuild deferredIndexes(JdbcEndpoint target) {
        return () -> SecondaryIndexes.buildMissing(target).size();
    }

    /** The same job writing its profiles through {@code replacement} (e.g. a sink that injects faults). */
    public JobParts withSink(Sink<ProfileWriteBatch> replacement) {
        return new JobParts(config, backfill, changes, normalizer, reselector, Objects.requireNonNull(replacement));
    }

    /** The same job writing its dead letters through {@code replacement}; only for a mode that reads changes. */
    public JobParts withDeadLetterSink(Sink<DeadLetter> replacement) {
        if (changes == null) {
            throw new IllegalStateException("job.mode " + config.mode() + " reads no change topic, so it has no dead letters");
        }
        return new JobParts(config, backfill, new ChangeInput(changes.source(), replacement), normalizer, reselector, sink);
    }

    public JobConfig config() {
        return config;
    }

    /** The backfill source: the initial backfill (modes backfill, both) and re-snapshot requests (modes both, live). */
    public Source<ProfileEvent, ?, ?> backfill() {
        return backfill;
    }

    /** Empty when the run mode reads no change topic. */
    public Optional<ChangeInput> changes() {
        return Optional.ofNullable(changes);
    }

    public ContactNormalizer normalizer() {
        return normalizer;
    }

    /** Re-reads a profile whose unchanged-TOAST update changed its country; null without a country column. */
    public ProfileReselector reselector() {
        return reselector;
    }

    public int writeBatchProfiles() {
        return config.get(SINK_BATCH_SIZE);
    }

    public Sink<ProfileWriteBatch> sink() {
        return sink;
    }
}
