package com.contactsync.deadletter;

import org.apache.flink.connector.jdbc.JdbcStatementBuilder;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * The insert of one {@link DeadLetter}, keyed by its Kafka coordinates: a replayed record changes
 * nothing, so the sink's at-least-once delivery leaves each dead letter in the table exactly once.
 */
public final class DeadLetterStatement implements JdbcStatementBuilder<DeadLetter> {

    private static final long serialVersionUID = 1L;

    public static final String SQL =
            "INSERT INTO contactsync_dead_letter"
                    + " (topic, kafka_partition, kafka_offset, reason, raw_value, raw_length, received_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?)"
                    + " ON CONFLICT (topic, kafka_partition, kafka_offset) DO NOTHING";

    @Override
    public void accept(PreparedStatement statement, DeadLetter letter) throws SQLException {
        statement.setString(1, letter.topic);
        statement.setInt(2, letter.partition);
        statement.setLong(3, letter.offset);
        // The column is NOT NULL: a letter built without the factory must still be storable.
        statement.setString(4, DeadLetter.cleanReason(letter.reason));
        if (letter.rawValue == null) {
            statement.setNull(5, Types.BINARY);
        } else {
            statement.setBytes(5, letter.rawValue);
        }
        statement.setInt(6, letter.rawLength);
        // An offset date-time is unambiguous whatever the session's time zone.
        statement.setObject(7, OffsetDateTime.ofInstant(Instant.ofEpochMilli(letter.receivedAtMillis), ZoneOffset.UTC));
    }
}
