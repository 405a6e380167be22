package com.contactsync.config;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Every option of the ContactSync job, declared once: key, type, default and meaning. */
public final class ContactSyncOptions {

    public static final ConfigOption<String> SOURCE_JDBC_URL =
            ConfigOptions.key("source.jdbc-url").stringType().noDefaultValue()
                    .withDescription("JDBC URL of the PostgreSQL database holding the profile table (required: here, with --jdbc-url or --set).");
    public static final ConfigOption<String> SOURCE_USER =
            ConfigOptions.key("source.user").stringType().defaultValue("postgres")
                    .withDescription("User for the source database (read access to the profile table).");
    public static final ConfigOption<String> SOURCE_PASSWORD_ENV =
            ConfigOptions.key("source.password-env").stringType().defaultValue("PGPASSWORD")
                    .withDescription("Environment variable holding the source password (never put passwords in files or flags).");
    public static final ConfigOption<String> SOURCE_TABLE =
            ConfigOptions.key("source.table").stringType().defaultValue("profile")
                    .withDescription("The profile table, optionally schema-qualified.");
    public static final ConfigOption<String> SOURCE_ID_COLUMN =
            ConfigOptions.key("source.id-column").stringType().defaultValue("id")
                    .withDescription("The bigint primary key column of the profile table.");
    public static final ConfigOption<String> SOURCE_CONTACTS_COLUMN =
            ConfigOptions.key("source.contacts-column").stringType().defaultValue("contacts")
                    .withDescription("The contacts column (jsonb, json or text).");
    public static final ConfigOption<String> SOURCE_COUNTRY_COLUMN =
            ConfigOptions.key("source.country-column").stringType().defaultValue("")
                    .withDescription("Optional column with the profile's country (ISO 3166 alpha-2), used as the region of phone numbers; empty for none.");

    public static final ConfigOption<String> TARGET_JDBC_URL =
            ConfigOptions.key("target.jdbc-url").stringType().defaultValue("")
                    .withDescription("JDBC URL of the database for the normalized tables; empty means the source database.");
    public static final ConfigOption<String> TARGET_USER =
            ConfigOptions.key("target.user").stringType().defaultValue("")
                    .withDescription("User for the target database; empty means the source user.");
    public static final ConfigOption<String> TARGET_PASSWORD_ENV =
            ConfigOptions.key("target.password-env").stringType().defaultValue("")
                    .withDescription("Environment variable holding the target password; empty means the source's.");

    public static final ConfigOption<Long> BACKFILL_SPLIT_ROWS =
            ConfigOptions.key("backfill.split-rows").longType().defaultValue(100_000L)
                    .withDescription("Rows per backfill split (splits are cut by row count, so id gaps cost nothing).");
    public static final ConfigOption<Integer> BACKFILL_PAGE_ROWS =
            ConfigOptions.key("backfill.page-rows").intType().defaultValue(2_000)
                    .withDescription("Rows per keyset page: the most a reader holds in memory, and one short statement on the source.");
    public static final ConfigOption<Double> BACKFILL_MAX_ROWS_PER_SECOND =
            ConfigOptions.key("backfill.max-rows-per-second").doubleType().defaultValue(0.0)
                    .withDescription("Rate limit of each backfill reader in rows per second; 0 for none.");

    public static final ConfigOption<String> BACKFILL_CONTROL_TABLE =
            ConfigOptions.key("backfill.control-table").stringType().defaultValue("contactsync_control")
                    .withDescription("Table in the source database with the control row backfill.paused (true pauses the backfill at runtime: ./contactsync backfill pause|resume).");
    public static final ConfigOption<Integer> BACKFILL_MAX_ACTIVE_SESSIONS =
            ConfigOptions.key("backfill.max-active-sessions").intType().defaultValue(0)
                    .withDescription("The backfill backs off while the source has more active sessions than this (like gh-ost's max-load); 0 = off.");
    public static final ConfigOption<Duration> BACKFILL_MAX_PROBE_LATENCY =
            ConfigOptions.key("backfill.max-probe-latency").durationType().defaultValue(Duration.ZERO)
                    .withDescription("The backfill backs off while a probe query on the source takes longer than this; 0 = off.");
    public static final ConfigOption<Duration> BACKFILL_MAX_CHANGE_LAG =
            ConfigOptions.key("backfill.max-change-lag").durationType().defaultValue(Duration.ofSeconds(1))
                    .withDescription("While the change stream lags more than this (commit in the source to processed by"
                            + " the job), the backfill yields between pages: it is throttled, the changes never are"
                            + " (like gh-ost's max-lag-millis). Modes both and live; 0 = off.");

    public static final ConfigOption<String> NORMALIZE_DEFAULT_REGION =
            ConfigOptions.key("normalize.default-region").stringType().defaultValue("US")
                    .withDescription("Region for phone numbers when neither the entry nor the profile names one.");
    public static final ConfigOption<Integer> NORMALIZE_MAX_ENTRIES =
            ConfigOptions.key("normalize.max-entries-per-kind").intType().defaultValue(1_000)
                    .withDescription("Most emails (and most phones) taken from one profile; more raise CONTACTS_TRUNCATED.");

    public static final ConfigOption<String> MAPPING =
            ConfigOptions.key("mapping").stringType().defaultValue("")
                    .withDescription("Where the contacts live in the document: the `mapping` section of the YAML file (README,"
                            + " Mapping), carried as JSON; empty = the default mapping.");

    public static final ConfigOption<Integer> SINK_BATCH_SIZE =
            ConfigOptions.key("sink.batch-size").intType().defaultValue(500)
                    .withDescription("Most profiles applied by one set-based statement (batches are also cut at every checkpoint barrier).");
    public static final ConfigOption<Boolean> SINK_DEFERRED_INDEXES =
            ConfigOptions.key("sink.deferred-indexes").booleanType().defaultValue(true)
                    .withDescription("During the initial backfill into empty target tables, build the secondary indexes (reverse"
                            + " lookups by email, domain, phone) once, from when its last splits are being read, with CREATE INDEX"
                            + " CONCURRENTLY instead of maintaining them row by row; live sync goes on meanwhile and `lookup` says"
                            + " when they are not there yet.");

    public static final ConfigOption<String> KAFKA_BOOTSTRAP_SERVERS =
            ConfigOptions.key("kafka.bootstrap-servers").stringType().defaultValue("")
                    .withDescription("Kafka bootstrap servers of the change topic (modes live and both).");
    public static final ConfigOption<String> KAFKA_TOPIC =
            ConfigOptions.key("kafka.topic").stringType().defaultValue("contactsync.profile.changes")
                    .withDescription("The change topic: Debezium JSON change events of the profile table and the watermark table, keyed by profile id.");
    public static final ConfigOption<String> KAFKA_GROUP_ID =
            ConfigOptions.key("kafka.group-id").stringType().defaultValue("contactsync")
                    .withDescription("Consumer group id (offsets are committed on checkpoints, for monitoring only: the job's own offsets live in its checkpoints).");
    public static final ConfigOption<String> LIVE_START =
            ConfigOptions.key("live.start").stringType().defaultValue("coverage")
                    .withDescription("Where a job without state starts reading the topic: coverage (the topic's end, proven live by a watermark round trip before the backfill reads anything) or earliest.");
    public static final ConfigOption<String> LIVE_WATERMARK_TABLE =
            ConfigOptions.key("live.watermark-table").stringType().defaultValue("contactsync_watermark")
                    .withDescription("Small table in the source database whose rows the CDC connector must capture; the job writes its coverage markers there.");
    public static final ConfigOption<Duration> LIVE_COVERAGE_TIMEOUT =
            ConfigOptions.key("live.coverage-timeout").durationType().defaultValue(Duration.ofMinutes(2))
                    .withDescription("How long to wait for the watermark to come back through the topic before giving up.");
    public static final ConfigOption<String> LIVE_UNAVAILABLE_PLACEHOLDER =
            ConfigOptions.key("live.unavailable-value-placeholder").stringType().defaultValue("__debezium_unavailable_value")
                    .withDescription("Debezium's unavailable.value.placeholder: an unchanged TOASTed contacts value.");

    public static final ConfigOption<String> LIVE_ON_GAP =
            ConfigOptions.key("live.on-gap").stringType().defaultValue("fail")
                    .withDescription("fail | resnapshot: when the change topic no longer holds the offset the job must continue at"
                            + " (retention), fail the job with a message naming the gap and the remedy, or record the gap in"
                            + " contactsync_gap and request a full re-snapshot. A gap is never skipped silently.");

    public static final ConfigOption<String> JOB_MODE =
            ConfigOptions.key("job.mode").stringType().defaultValue("backfill")
                    .withDescription("backfill (bounded), live (change topic only) or both.");
    public static final ConfigOption<Integer> JOB_PARALLELISM =
            ConfigOptions.key("job.parallelism").intType().defaultValue(2)
                    .withDescription("Parallelism of the job's operators.");
    public static final ConfigOption<Duration> JOB_CHECKPOINT_INTERVAL =
            ConfigOptions.key("job.checkpoint-interval").durationType().defaultValue(Duration.ofSeconds(5))
                    .withDescription("Checkpoint interval; rows become visible when a checkpoint commits them.");
    public static final ConfigOption<Boolean> JOB_UNALIGNED_CHECKPOINTS =
            ConfigOptions.key("job.unaligned-checkpoints").booleanType().defaultValue(true)
                    .withDescription("Checkpoint barriers overtake the rows in flight (Flink's unaligned checkpoints) while the"
                            + " job reads the change topic: while a backfill fills the network buffers, a checkpoint (and"
                            + " with it the commit of the live changes) does not wait for them; the rows in flight are kept"
                            + " in the checkpoint. In mode backfill no commit waits on a checkpoint, and barriers stay"
                            + " aligned. Savepoints are always aligned.");
    public static final ConfigOption<String> JOB_STATE_DIR =
            ConfigOptions.key("job.state-dir").stringType().defaultValue("contactsync-state")
                    .withDescription("Local runs (run, demo) keep their checkpoints under <state-dir>/<job.name>, retained when the"
                            + " job fails or is cancelled, and resume from the latest one; on a cluster Flink's own checkpoint"
                            + " directory applies (README, Operations).");
    public static final ConfigOption<String> JOB_NAME =
            ConfigOptions.key("job.name").stringType().defaultValue("contactsync")
                    .withDescription("Name of the Flink job.");

    private ContactSyncOptions() {}

    /** All options, for documentation and for rejecting unknown keys. */
    public static List<ConfigOption<?>> all() {
        List<ConfigOption<?>> options = new ArrayList<>();
        for (Field field : ContactSyncOptions.class.getFields()) {
            if (Modifier.isStatic(field.getModifiers()) && field.getType() == ConfigOption.class) {
                try {
                    options.add((ConfigOption<?>) field.get(null));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException(e);
                }
            }
        }
        return options;
    }
}
