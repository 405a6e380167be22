package com.contactsync.config;

import static com.contactsync.config.ContactSyncOptions.*;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/**
 * The validated, immutable configuration of one ContactSync job: the options of
 * {@link ContactSyncOptions} as read from the file and the command line, plus the values every
 * part of the job shares (the databases, the profile table, the run mode). Each capability makes
 * its own settings from it (e.g. {@code BackfillSettings.from(config)}); checks that concern one
 * capability live in its settings, checks across capabilities here.
 */
public final class JobConfig implements Serializable {

    private static final long serialVersionUID = 1L;

    /**
     * Keyed state restores only at the max parallelism it was written with. Flink derives 128 when
     * none is set (for parallelism up to 85), so every savepoint taken so far has 128: pinned so
     * that it can never drift. Never change it (README, Operations).
     */
    public static final int MAX_PARALLELISM = 128;

    private final Configuration options;
    private final JdbcEndpoint source;
    private final JdbcEndpoint target;
    private final ProfileTable profileTable;
    private final RunMode mode;

    private JobConfig(Configuration options) {
        this.options = options;
        String sourceUrl = options.get(SOURCE_JDBC_URL);
        require(sourceUrl != null && !sourceUrl.isBlank(), "source.jdbc-url is required (config file or --jdbc-url)");
        this.source = new JdbcEndpoint(sourceUrl, options.get(SOURCE_USER), options.get(SOURCE_PASSWORD_ENV));
        this.target = new JdbcEndpoint(
                orElse(options.get(TARGET_JDBC_URL), source.url()),
                orElse(options.get(TARGET_USER), source.user()),
                orElse(options.get(TARGET_PASSWORD_ENV), source.passwordEnv()));
        this.profileTable = ProfileTable.of(options.get(SOURCE_TABLE), options.get(SOURCE_ID_COLUMN),
                options.get(SOURCE_CONTACTS_COLUMN), options.get(SOURCE_COUNTRY_COLUMN));
        this.mode = RunMode.parse(options.get(JOB_MODE));
        require(parallelism() > 0 && parallelism() <= MAX_PARALLELISM, "job.parallelism must be in 1.." + MAX_PARALLELISM
                + " (the max parallelism fixed in the job's savepoints), got " + parallelism());
        require(!mode.readsChanges() || !options.get(KAFKA_BOOTSTRAP_SERVERS).isBlank(),
                "job.mode " + mode.name().toLowerCase(Locale.ROOT) + " reads the change topic: set kafka.bootstrap-servers");
        Duration interval = checkpointInterval();
        require(!interval.isNegative() && !interval.isZero(),
                "job.checkpoint-interval must be positive: the exactly-once sink writes only on checkpoints");
    }

    /** Validates {@code options} (keys of {@link ContactSyncOptions}; absent ones take their defaults). */
    public static JobConfig from(Configuration options) {
        return new JobConfig(new Configuration(options));
    }

    /** The value of one option, or its default. */
    public <T> T get(ConfigOption<T> option) {
        return options.get(option);
    }

    public JdbcEndpoint source() {
        return source;
    }

    public JdbcEndpoint target() {
        return target;
    }

    public ProfileTable profileTable() {
        return profileTable;
    }

    public RunMode mode() {
        return mode;
    }

    public int parallelism() {
        return options.get(JOB_PARALLELISM);
    }

    public Duration checkpointInterval() {
        return options.get(JOB_CHECKPOINT_INTERVAL);
    }

    public String jobName() {
        return options.get(JOB_NAME);
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
