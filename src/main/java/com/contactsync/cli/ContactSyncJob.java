package com.contactsync.cli;

import com.contactsync.ContactSyncPipeline;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JobConfig;
import com.contactsync.config.LiveSettings;
import com.contactsync.deadletter.DeadLetterSink;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.sink.ExactlyOnceProfileSink;
import com.contactsync.sink.OrphanedTransactionResolver;
import com.contactsync.sink.PostgresXaDataSource;
import com.contactsync.sink.TargetSchema;
import com.contactsync.source.backfill.BackfillSettings;
import com.contactsync.source.backfill.BackfillControl;
import com.contactsync.source.backfill.BackfillSource;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.source.change.ChangeRecord;
import com.contactsync.source.change.ChangeSourceFactory;
import com.contactsync.source.change.TopicCoverage;

import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The job's entry point on a Flink cluster ({@code flink run -c ... --config conf/contactsync.yaml
 * [--set key=value ...]}), and the wiring of the real connectors that local runs share.
 */
public final class ContactSyncJob {

    private ContactSyncJob() {}

    public static void main(String[] args) throws Exception {
        JobConfig config = parseArgs(args);
        prepareTarget(config);
        OffsetsInitializer changesFrom = prepareChanges(config);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, config);
        build(env, config, changesFrom);
        env.execute(config.jobName());
    }

    /** Schema migrations and orphaned XA transactions, before any writer starts; the backfill's control table. */
    public static void prepareTarget(JobConfig config) {
        TargetSchema.migrate(config.target());
        BackfillControl.ensureTable(config.source(), config.loadGuard().controlTable());
        OrphanedTransactionResolver.commitOrphans(new PostgresXaDataSource(config.target()).get());
    }

    /**
     * Where the change topic is read from when the job starts without state (a restored job
     * continues at its checkpointed offsets). In mode both, the topic is first proven to cover
     * the backfill (watermark round trip); null when the mode reads no changes.
     */
    public static OffsetsInitializer prepareChanges(JobConfig config) {
        if (!config.mode().readsChanges()) {
            return null;
        }
        if (config.live().start() == LiveSettings.Start.EARLIEST) {
            return ChangeSourceFactory.earliest();
        }
        return ChangeSourceFactory.startingAt(TopicCoverage.establish(config.source(), config.live(), changeParserSettings(config)));
    }

    /** The pipeline with the real sources and sinks of the configured mode. */
    public static void build(StreamExecutionEnvironment env, JobConfig config, OffsetsInitializer changesFrom) {
        ContactSyncPipeline.build(
                env,
                config.mode().readsBackfill() ? new BackfillSource(backfillSettings(config), config.loadGuard()) : null,
                config.mode().readsChanges() ? changeSource(config, changesFrom) : null,
                normalizer(config),
                config.sinkBatchSize(),
                ExactlyOnceProfileSink.create(config.target()),
                config.mode().readsChanges() ? DeadLetterSink.create(config.target()) : null);
    }

    public static Source<ChangeRecord, ?, ?> changeSource(JobConfig config, OffsetsInitializer changesFrom) {
        LiveSettings live = config.live();
        return ChangeSourceFactory.create(live.bootstrapServers(), live.topic(), live.groupId(), changesFrom, changeParserSettings(config));
    }

    public static ChangeParserSettings changeParserSettings(JobConfig config) {
        return new ChangeParserSettings(config.table(), config.idColumn(), config.contactsColumn(), config.countryColumn())
                .withWatermarkTable(config.live().watermarkTable())
                .withUnavailablePlaceholder(config.live().unavailablePlaceholder());
    }

    public static ContactNormalizer normalizer(JobConfig config) {
        return new ContactNormalizer(new NormalizerSettings(config.defaultRegion(), config.maxEntriesPerKind()));
    }

    public static BackfillSettings backfillSettings(JobConfig config) {
        return new BackfillSettings(
                config.source(),
                config.table(),
                config.idColumn(),
                config.contactsColumn(),
                config.countryColumn(),
                config.splitRows(),
                config.pageRows(),
                config.maxRowsPerSecond());
    }

    private static JobConfig parseArgs(String[] args) {
        Path file = null;
        Map<String, String> overrides = new LinkedHashMap<>();
        for (int i = 0; i < args.length; i++) {
            if ("--config".equals(args[i]) && i + 1 < args.length) {
                file = Path.of(args[++i]);
            } else if ("--set".equals(args[i]) && i + 1 < args.length) {
                String[] kv = args[++i].split("=", 2);
                if (kv.length != 2) {
                    throw new IllegalArgumentException("--set takes key=value, got " + args[i]);
                }
                overrides.put(kv[0], kv[1]);
            } else {
                throw new IllegalArgumentException("usage: --config FILE [--set key=value ...]; unexpected " + args[i]);
            }
        }
        return ConfigLoader.load(file, overrides);
    }
}
