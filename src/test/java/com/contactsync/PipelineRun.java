package com.contactsync;

import com.contactsync.job.JobParts;
import com.contactsync.job.ContactSyncJob;
import com.contactsync.cli.LocalMetrics;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.sink.ExactlyOnceProfileSink;
import com.contactsync.sink.ProfileWriteBatch;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the production pipeline (optionally with another sink) against a test database. */
public final class PipelineRun {

    private PipelineRun() {}

    public static JobConfig config(JdbcEndpoint db, long splitRows) {
        return config(db, splitRows, 0);
    }

    /** With a per-reader rate limit, for tests that must act while the backfill is still running. */
    public static JobConfig config(JdbcEndpoint db, long splitRows, double maxRowsPerSecond) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("backfill.max-rows-per-second", String.valueOf(maxRowsPerSecond));
        settings.put("source.jdbc-url", db.url());
        settings.put("source.user", db.user());
        settings.put("source.password-env", db.passwordEnv());
        settings.put("source.country-column", "country");
        settings.put("backfill.split-rows", String.valueOf(splitRows));
        settings.put("backfill.page-rows", "500");
        settings.put("job.parallelism", "2");
        settings.put("job.checkpoint-interval", "300ms");
        return ConfigLoader.fromMap(settings);
    }

    /** Flink settings every pipeline test uses: no Kryo fallback, restarts after injected faults. */
    public static Configuration flinkConfiguration() {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return conf;
    }

    /** The MiniCluster every pipeline test runs on: one TaskManager with a slot per subtask. */
    public static MiniClusterExtension miniCluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .setConfiguration(flinkConfiguration())
                .build());
    }

    /**
     * {@link #flinkConfiguration()} for live-sync runs: more restarts with a longer pause, since an
     * outage of the broker or the database may take a few attempts to get over.
     */
    public static Configuration liveFlinkConfiguration() {
        Configuration conf = flinkConfiguration();
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(500));
        // Live jobs never finish their backfill source (it stays to serve re-snapshot requests):
        // RunningJob reads the enumerator's backfillDone gauge through this reporter.
        conf.setString("metrics.reporter.local.factory.class", LocalMetrics.Factory.class.getName());
        return conf;
    }

    /** {@link #miniCluster()} with {@link #liveFlinkConfiguration()}. */
    public static MiniClusterExtension liveMiniCluster() {
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .setConfiguration(liveFlinkConfiguration())
                .build());
    }

    /** The production sink for this config. */
    public static Sink<ProfileWriteBatch> productionSink(JobConfig config) {
        return ExactlyOnceProfileSink.create(config.target());
    }

    /** Prepares the target as the job's main does, runs the backfill to its end, fails on timeout. */
    public static void backfill(JobConfig config, Sink<ProfileWriteBatch> sink, Duration timeout) throws Exception {
        JobParts parts = ContactSyncJob.prepare(config).withSink(sink);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(flinkConfiguration());
        ContactSyncJob.assemble(env, parts);
        JobClient client = env.executeAsync("backfill-test");
        try {
            client.getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            client.cancel().get();
            throw new AssertionError("the backfill did not finish within " + timeout, e);
        }
    }

    public static long count(JdbcEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
