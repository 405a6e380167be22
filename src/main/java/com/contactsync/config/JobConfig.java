package com.contactsync.config;

import static com.contactsync.config.ContactSyncOptions.*;

import com.contactsync.source.backfill.LoadGuardSettings;

import org.apache.flink.configuration.Configuration;

import java.io.Serializable;
import java.time.Duration;

/** The validated, immutable configuration of one ContactSync job. */
public record JobConfig(
        JdbcEndpoint source,
        JdbcEndpoint target,
        SqlIdentifier table,
        SqlIdentifier idColumn,
        SqlIdentifier contactsColumn,
        SqlIdentifier countryColumn,
        long splitRows,
        int pageRows,
        double maxRowsPerSecond,
        LoadGuardSettings loadGuard,
        String defaultRegion,
        int maxEntriesPerKind,
        int sinkBatchSize,
        LiveSettings live,
        RunMode mode,
        int parallelism,
        Duration checkpointInterval,
        String jobName)
        implements Serializable {

    public JobConfig {
        require(splitRows > 0, "backfill.split-rows must be > 0, got " + splitRows);
        require(pageRows > 0 && pageRows <= 100_000, "backfill.page-rows must be in 1..100000, got " + pageRows);
        require(maxRowsPerSecond >= 0, "backfill.max-rows-per-second must be >= 0 (0 = no limit), got " + maxRowsPerSecond);
        require(maxEntriesPerKind > 0, "normalize.max-entries-per-kind must be > 0, got " + maxEntriesPerKind);
        require(sinkBatchSize > 0, "sink.batch-size must be > 0, got " + sinkBatchSize);
        require(parallelism > 0, "job.parallelism must be > 0, got " + parallelism);
        require(!mode.readsChanges() || !live.bootstrapServers().isBlank(),
                "job.mode " + mode.name().toLowerCase(java.util.Locale.ROOT) + " reads the change topic: set kafka.bootstrap-servers");
        require(!checkpointInterval.isNegative() && !checkpointInterval.isZero(),
                "job.checkpoint-interval must be positive: the exactly-once sink writes only on checkpoints");
    }

    public static JobConfig from(Configuration c) {
        String sourceUrl = c.get(SOURCE_JDBC_URL);
        require(sourceUrl != null && !sourceUrl.isBlank(), "source.jdbc-url is required (config file or --jdbc-url)");
        JdbcEndpoint source = new JdbcEndpoint(sourceUrl, c.get(SOURCE_USER), c.get(SOURCE_PASSWORD_ENV));
        JdbcEndpoint target = new JdbcEndpoint(
                orElse(c.get(TARGET_JDBC_URL), source.url()),
                orElse(c.get(TARGET_USER), source.user()),
                orElse(c.get(TARGET_PASSWORD_ENV), source.passwordEnv()));
        String country = c.get(SOURCE_COUNTRY_COLUMN);
        return new JobConfig(
                source,
                target,
                SqlIdentifier.of(c.get(SOURCE_TABLE)),
                SqlIdentifier.of(c.get(SOURCE_ID_COLUMN)),
                SqlIdentifier.of(c.get(SOURCE_CONTACTS_COLUMN)),
                country == null || country.isBlank() ? null : SqlIdentifier.of(country),
                c.get(BACKFILL_SPLIT_ROWS),
                c.get(BACKFILL_PAGE_ROWS),
                c.get(BACKFILL_MAX_ROWS_PER_SECOND),
                new LoadGuardSettings(
                        SqlIdentifier.of(c.get(BACKFILL_CONTROL_TABLE)),
                        c.get(BACKFILL_MAX_ACTIVE_SESSIONS),
                        c.get(BACKFILL_MAX_PROBE_LATENCY),
                        Duration.ofSeconds(1)),
                c.get(NORMALIZE_DEFAULT_REGION),
                c.get(NORMALIZE_MAX_ENTRIES),
                c.get(SINK_BATCH_SIZE),
                new LiveSettings(
                        c.get(KAFKA_BOOTSTRAP_SERVERS),
                        c.get(KAFKA_TOPIC),
                        c.get(KAFKA_GROUP_ID),
                        LiveSettings.Start.parse(c.get(LIVE_START)),
                        SqlIdentifier.of(c.get(LIVE_WATERMARK_TABLE)),
                        c.get(LIVE_COVERAGE_TIMEOUT),
                        c.get(LIVE_UNAVAILABLE_PLACEHOLDER)),
                RunMode.parse(c.get(JOB_MODE)),
                c.get(JOB_PARALLELISM),
                c.get(JOB_CHECKPOINT_INTERVAL),
                c.get(JOB_NAME));
    }

    private static String orElse(String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
