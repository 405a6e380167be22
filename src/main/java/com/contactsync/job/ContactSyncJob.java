package com.contactsync.job;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.ContactSyncOptions;
import com.contactsync.config.JobConfig;
import com.contactsync.sink.OrphanedTransactionResolver;
import com.contactsync.sink.PostgresXaDataSource;
import com.contactsync.sink.SecondaryIndexes;
import com.contactsync.sink.TargetSchema;
import com.contactsync.source.backfill.BackfillControl;
import com.contactsync.source.backfill.LoadGuardSettings;
import com.contactsync.source.backfill.ResnapshotRequestTable;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.source.change.ChangeSourceFactory;
import com.contactsync.source.change.LiveSettings;
import com.contactsync.source.change.TopicCoverage;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The job's entry point on a Flink cluster ({@code flink run -c com.contactsync.job.ContactSyncJob
 * ... --config conf/contactsync.yaml [--set key=value ...]}), and the one way to assemble the job:
 * {@link #prepare} then {@link #assemble}, used by {@code main}, by local runs and by the tests.
 */
public final class ContactSyncJob {

    private ContactSyncJob() {}

    public static void main(String[] args) throws Exception {
        JobConfig config = parseArgs(args);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        assemble(env, prepare(config));
        env.execute(config.jobName());
    }

    /**
     * Readies both databases and the change topic, then makes the production parts: schema
     * migrations and orphaned XA transactions on the target, the control table on the source, and
     * where a job without state starts reading the topic.
     */
    public static JobParts prepare(JobConfig config) {
        prepareTarget(config);
        prepareSource(config);
        return JobParts.of(config, changesFrom(config));
    }

    /** The job's graph and the Flink settings it needs, on {@code env}. */
    public static void assemble(StreamExecutionEnvironment env, JobParts parts) {
        JobEnvironment.configure(env, parts.config());
        ContactSyncPipeline.build(env, parts);
    }

    /**
     * Schema migrations and orphaned XA transactions, before any writer starts; with deferred
     * indexes, a backfill into empty tables drops their secondary indexes (its source builds them at
     * its end). A resumed job finds rows there and drops nothing.
     */
    public static void prepareTarget(JobConfig config) {
        TargetSchema.migrate(config.target());
        OrphanedTransactionResolver.commitOrphans(new PostgresXaDataSource(config.target()).get());
        if (config.get(ContactSyncOptions.SINK_DEFERRED_INDEXES) && config.mode().readsBackfill()) {
            SecondaryIndexes.dropIfInitial(config.target());
        }
    }

    /** The backfill's control table (pause switch) and re-snapshot request table in the source database. */
    public static void prepareSource(JobConfig config) {
        BackfillControl.ensureTable(config.source(), LoadGuardSettings.from(config).controlTable());
        try {
            ResnapshotRequestTable.from(config).ensureTable();
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the re-snapshot request table in the source database", e);
        }
    }

    /**
     * Where the change topic is read from when the job starts without state (a restored job
     * continues at its checkpointed offsets). In mode both, the topic is first proven to cover
     * the backfill (watermark round trip); null when the mode reads no changes.
     */
    public static OffsetsInitializer changesFrom(JobConfig config) {
        if (!config.mode().readsChanges()) {
            return null;
        }
        LiveSettings live = LiveSettings.from(config);
        if (live.start() == LiveSettings.Start.EARLIEST) {
            return ChangeSourceFactory.earliest();
        }
        return ChangeSourceFactory.startingAt(TopicCoverage.establish(config.source(), live, ChangeParserSettings.from(config)));
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
