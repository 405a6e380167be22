package com.contactsync.cli;

import com.contactsync.ContactSyncPipeline;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JobConfig;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.sink.ExactlyOnceProfileSink;
import com.contactsync.sink.OrphanedTransactionResolver;
import com.contactsync.sink.PostgresXaDataSource;
import com.contactsync.sink.TargetSchema;
import com.contactsync.source.backfill.BackfillSettings;
import com.contactsync.source.backfill.BackfillSource;

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
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, config);
        build(env, config);
        env.execute(config.jobName());
    }

    /** Schema migrations and orphaned XA transactions, before any writer starts. */
    public static void prepareTarget(JobConfig config) {
        TargetSchema.migrate(config.target());
        OrphanedTransactionResolver.commitOrphans(new PostgresXaDataSource(config.target()).get());
    }

    /** The pipeline with the real sources and the exactly-once sink. */
    public static void build(StreamExecutionEnvironment env, JobConfig config) {
        if (config.mode().readsChanges()) {
            throw new UnsupportedOperationException(
                    "mode " + config.mode() + " needs the change topic, which this build does not read yet; use --mode backfill");
        }
        ContactSyncPipeline.build(
                env,
                new BackfillSource(backfillSettings(config)),
                null,
                normalizer(config),
                config.sinkBatchSize(),
                ExactlyOnceProfileSink.create(config.target()));
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
