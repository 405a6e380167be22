package com.contactsync.embedded;

import com.contactsync.config.ContactSyncOptions;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The whole ContactSync stack in one JVM: embedded PostgreSQL with logical WAL, a Kafka KRaft
 * broker, and Debezium's embedded engine publishing the profile table's changes (and the
 * watermark table's) to the change topic. The Flink job runs beside it on a MiniCluster.
 */
public final class EmbeddedStack implements AutoCloseable {

    public static final String WATERMARK_TABLE = ContactSyncOptions.LIVE_WATERMARK_TABLE.defaultValue();

    private final EmbeddedPostgresServer postgres;
    private final JdbcEndpoint endpoint;
    private final EmbeddedKafkaBroker kafka;
    private final ChangeCapture capture;
    private final String topic;

    private EmbeddedStack(EmbeddedPostgresServer postgres, JdbcEndpoint endpoint, EmbeddedKafkaBroker kafka,
            ChangeCapture capture, String topic) {
        this.postgres = postgres;
        this.endpoint = endpoint;
        this.kafka = kafka;
        this.capture = capture;
        this.topic = topic;
    }

    /**
     * Starts PostgreSQL, lets {@code prepareSource} create and fill the profile table (rows that
     * exist before the capture starts are the backfill's), then starts Kafka and the capture.
     */
    public static EmbeddedStack start(Consumer<JdbcEndpoint> prepareSource, int partitions) {
        return start(prepareSource, partitions, true);
    }

    /**
     * As {@link #start(Consumer, int)}; with {@code stopPostgresOnJvmExit} false, PostgreSQL has no
     * shutdown hook of its own and only {@link #close()} stops it, after the capture and the broker.
     */
    public static EmbeddedStack start(Consumer<JdbcEndpoint> prepareSource, int partitions, boolean stopPostgresOnJvmExit) {
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start(stopPostgresOnJvmExit);
        EmbeddedKafkaBroker kafka = null;
        try {
            JdbcEndpoint endpoint = new JdbcEndpoint(postgres.jdbcUrl(), postgres.user(), "CONTACTSYNC_EMBEDDED_NO_PASSWORD");
            prepareSource.accept(endpoint);
            createWatermarkTable(endpoint);
            kafka = EmbeddedKafkaBroker.start();
            String topic = ChangeCaptureSettings.DEFAULT_TOPIC;
            kafka.createTopic(topic, partitions);
            ChangeCapture capture = new ChangeCapture(
                    ChangeCaptureSettings.builder(endpoint, kafka.bootstrapServers(), Files.createTempDirectory("contactsync-cdc"))
                            .tables("public.profile", "public." + WATERMARK_TABLE)
                            .topic(topic)
                            .dropSlotOnClose(true)
                            .build());
            capture.start();
            return new EmbeddedStack(postgres, endpoint, kafka, capture, topic);
        } catch (Exception e) {
            if (kafka != null) {
                kafka.close();
            }
            postgres.close();
            throw new IllegalStateException("could not start the embedded stack", e);
        }
    }

    /** The job options that point ContactSync at this stack (mode both). */
    public Map<String, String> jobSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.jdbc-url", endpoint.url());
        settings.put("source.user", endpoint.user());
        settings.put("source.password-env", endpoint.passwordEnv());
        settings.put("kafka.bootstrap-servers", kafka.bootstrapServers());
        settings.put("kafka.topic", topic);
        settings.put("live.watermark-table", WATERMARK_TABLE);
        settings.put("job.mode", "both");
        return settings;
    }

    /**
     * A new, empty database on the same server, e.g. for the normalized tables: logical decoding
     * skips the WAL of other databases at once, while the target's writes in the captured
     * database are decoded (and then filtered out) change by change.
     */
    public JdbcEndpoint createDatabase(SqlIdentifier name) {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name.quoted());
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the database " + name, e);
        }
        return new JdbcEndpoint(postgres.jdbcUrl(name.toString()), endpoint.user(), endpoint.passwordEnv());
    }

    public JdbcEndpoint endpoint() {
        return endpoint;
    }

    public EmbeddedPostgresServer postgres() {
        return postgres;
    }

    /** The change topic the capture publishes to. */
    public String topic() {
        return topic;
    }

    public EmbeddedKafkaBroker kafka() {
        return kafka;
    }

    public ChangeCapture capture() {
        return capture;
    }

    private static void createWatermarkTable(JdbcEndpoint endpoint) {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + WATERMARK_TABLE
                    + " (id int PRIMARY KEY, marker text NOT NULL, written_at timestamptz NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the watermark table", e);
        }
    }

    @Override
    public void close() {
        try {
            capture.close();
        } finally {
            try {
                kafka.close();
            } finally {
                postgres.close();
            }
        }
    }
}
