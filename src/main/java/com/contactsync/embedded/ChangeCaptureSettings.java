package com.contactsync.embedded;

import com.contactsync.config.ContactSyncOptions;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a {@link ChangeCapture} reads (database, tables, replication slot and publication), where it
 * publishes (bootstrap servers, one topic) and where it keeps its position (an offset file), validated.
 */
public record ChangeCaptureSettings(
        JdbcEndpoint endpoint,
        List<SqlIdentifier> tables,
        String bootstrapServers,
        String topic,
        String slotName,
        String publicationName,
        Path offsetDirectory,
        boolean schemasEnabled,
        Duration heartbeatInterval,
        Duration pollInterval,
        boolean dropSlotOnClose) {

    public static final String DEFAULT_TOPIC = ContactSyncOptions.KAFKA_TOPIC.defaultValue();
    public static final String DEFAULT_SLOT = "contactsync_cdc";

    private static final Pattern SLOT_NAME = Pattern.compile("[a-z0-9_]{1,63}");
    // Debezium writes the publication name into its DDL unquoted: only lower case survives unchanged.
    private static final Pattern PUBLICATION_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Pattern TOPIC_NAME = Pattern.compile("[A-Za-z0-9._-]{1,249}");

    public ChangeCaptureSettings {
        Objects.requireNonNull(endpoint, "the PostgreSQL endpoint is required");
        tables = List.copyOf(tables);
        if (tables.isEmpty()) {
            throw new IllegalArgumentException("name at least one table to capture, e.g. public.profile");
        }
        for (SqlIdentifier table : tables) {
            if (!table.toString().contains(".")) {
                throw new IllegalArgumentException("captured tables must be schema-qualified (public.profile), got " + table);
            }
        }
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("the Kafka bootstrap servers are required");
        }
        if (topic == null || !TOPIC_NAME.matcher(topic).matches()) {
            throw new IllegalArgumentException("not a valid Kafka topic name: '" + topic + "'");
        }
        if (slotName == null || !SLOT_NAME.matcher(slotName).matches()) {
            throw new IllegalArgumentException(
                    "a replication slot name is lower-case letters, digits and _, at most 63, got '" + slotName + "'");
        }
        if (publicationName == null || !PUBLICATION_NAME.matcher(publicationName).matches()) {
            throw new IllegalArgumentException("a publication name is lower-case letters, digits and _,"
                    + " starting with a letter or _, at most 63, got '" + publicationName + "'");
        }
        Objects.requireNonNull(offsetDirectory, "an offset directory is required so a restarted capture resumes");
        requirePositive("heartbeat interval", heartbeatInterval);
        requirePositive("poll interval", pollInterval);
    }

    /** Settings with the defaults: the job's default topic, slot {@value #DEFAULT_SLOT}, no schema wrapper. */
    public static Builder builder(JdbcEndpoint endpoint, String bootstrapServers, Path offsetDirectory) {
        return new Builder(endpoint, bootstrapServers, offsetDirectory);
    }

    /** The file the engine keeps its offsets in; named after the slot, so captures may share a directory. */
    public Path offsetFile() {
        return offsetDirectory.resolve(slotName + ".offsets");
    }

    /** Options of a capture; all but the endpoint, servers and offset directory have defaults. */
    public static final class Builder {

        private final JdbcEndpoint endpoint;
        private final String bootstrapServers;
        private final Path offsetDirectory;
        private List<SqlIdentifier> tables = List.of(SqlIdentifier.of("public.profile"));
        private String topic = DEFAULT_TOPIC;
        private String slotName = DEFAULT_SLOT;
        private String publicationName;
        private boolean schemasEnabled;
        private Duration heartbeatInterval = Duration.ofSeconds(1);
        private Duration pollInterval = Duration.ofMillis(100);
        private boolean dropSlotOnClose;

        private Builder(JdbcEndpoint endpoint, String bootstrapServers, Path offsetDirectory) {
            this.endpoint = endpoint;
            this.bootstrapServers = bootstrapServers;
            this.offsetDirectory = offsetDirectory;
        }

        /** Schema-qualified tables, e.g. {@code public.profile, public.contactsync_watermark}. */
        public Builder tables(String... names) {
            this.tables = Arrays.stream(names).map(SqlIdentifier::of).toList();
            return this;
        }

        public Builder topic(String topic) {
            this.topic = topic;
            return this;
        }

        /** The replication slot; unique per capture. The publication defaults to {@code <slot>_pub}. */
        public Builder slotName(String slotName) {
            this.slotName = slotName;
            return this;
        }

        public Builder publicationName(String publicationName) {
            this.publicationName = publicationName;
            return this;
        }

        /** Wraps keys and values as {@code {"schema":..., "payload":...}} (Kafka Connect's JSON with schemas). */
        public Builder schemasEnabled(boolean schemasEnabled) {
            this.schemasEnabled = schemasEnabled;
            return this;
        }

        public Builder heartbeatInterval(Duration interval) {
            this.heartbeatInterval = interval;
            return this;
        }

        /** How long the connector sleeps when the WAL is idle: bounds the commit-to-publish latency. */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /** Drops the slot and the publication on close (tests); otherwise a new capture resumes from them. */
        public Builder dropSlotOnClose(boolean drop) {
            this.dropSlotOnClose = drop;
            return this;
        }

        public ChangeCaptureSettings build() {
            return new ChangeCaptureSettings(endpoint, tables, bootstrapServers, topic, slotName,
                    publicationName == null ? slotName + "_pub" : publicationName, offsetDirectory,
                    schemasEnabled, heartbeatInterval, pollInterval, dropSlotOnClose);
        }
    }

    private static void requirePositive(String name, Duration duration) {
        if (duration == null || duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " must be > 0, got " + duration);
        }
    }
}
