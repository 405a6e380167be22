package com.contactsync.embedded;

import com.contactsync.config.SqlIdentifier;

import org.postgresql.Driver;

import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;

/** Turns {@link ChangeCaptureSettings} into the Debezium embedded engine's configuration. */
final class ChangeCaptureProperties {

    /** The prefix of the logical decoding message the heartbeat writes to the WAL. */
    static final String HEARTBEAT_MESSAGE_PREFIX = "contactsync.heartbeat";

    private ChangeCaptureProperties() {
    }

    static Properties of(ChangeCaptureSettings settings) {
        Properties url = Driver.parseURL(settings.endpoint().url(), new Properties());
        if (url == null || url.getProperty("PGHOST", "").contains(",")) {
            throw new IllegalArgumentException("change capture needs a single-host PostgreSQL URL, got " + settings.endpoint());
        }
        Properties props = new Properties();
        props.setProperty("name", settings.slotName());
        props.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        props.setProperty("database.hostname", url.getProperty("PGHOST"));
        props.setProperty("database.port", url.getProperty("PGPORT", "5432"));
        props.setProperty("database.dbname", url.getProperty("PGDBNAME"));
        props.setProperty("database.user", settings.endpoint().user());
        String password = settings.endpoint().password();
        if (password != null) {
            props.setProperty("database.password", password);
        }
        // Internal only: records are published to one topic whatever Debezium names them; a prefix
        // per slot keeps the engine's JMX names apart when several captures run in one JVM.
        props.setProperty("topic.prefix", settings.slotName());
        props.setProperty("plugin.name", "pgoutput");
        props.setProperty("slot.name", settings.slotName());
        props.setProperty("publication.name", settings.publicationName());
        props.setProperty("publication.autocreate.mode", "filtered");
        props.setProperty("table.include.list", settings.tables().stream()
                .map(t -> t.toString().replace(".", "\\.")).collect(Collectors.joining(",")));
        // The job's backfill reads existing rows; Debezium streams what commits after the slot exists.
        props.setProperty("snapshot.mode", "no_data");
        props.setProperty("tombstones.on.delete", "true");
        props.setProperty("decimal.handling.mode", "string");
        props.setProperty("converter.schemas.enable", String.valueOf(settings.schemasEnabled()));
        props.setProperty("poll.interval.ms", String.valueOf(settings.pollInterval().toMillis()));
        // pgoutput sends nothing for transactions that touch no captured table (PostgreSQL 15+), so
        // while profile is idle the offset, and with it the slot, would never move and pin the WAL.
        // A logical decoding message per heartbeat reaches every slot and lets the offset advance.
        // It must be transactional: a restart from an offset stored at a non-transactional message
        // skips the first transaction after it (Debezium 3.2.7's WalPositionLocator; see the
        // restart test).
        props.setProperty("heartbeat.interval.ms", String.valueOf(settings.heartbeatInterval().toMillis()));
        props.setProperty("heartbeat.action.query",
                "SELECT pg_logical_emit_message(true, '" + HEARTBEAT_MESSAGE_PREFIX + "', '" + settings.slotName() + "')");
        props.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        props.setProperty("offset.storage.file.filename", settings.offsetFile().toString());
        props.setProperty("offset.flush.interval.ms", "1000");
        return props;
    }

    /** The engine's record destinations that are captured table rows, as opposed to heartbeats and messages. */
    static Set<String> tableDestinations(ChangeCaptureSettings settings) {
        return settings.tables().stream().map(SqlIdentifier::toString)
                .map(table -> settings.slotName() + "." + table)
                .collect(Collectors.toUnmodifiableSet());
    }
}
