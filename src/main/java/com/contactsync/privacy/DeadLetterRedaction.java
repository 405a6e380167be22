package com.contactsync.privacy;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Redacts dead letters whose raw bytes mention a contact: the raw value is set to NULL and the
 * reason says so; the Kafka coordinates and the length stay, so the failure is still on record
 * and the record can be fetched from the topic while it is retained. The bytes are decoded as
 * UTF-8 (invalid sequences replaced) and searched in Java: PostgreSQL cannot lower-case bytea,
 * and the table is small.
 */
final class DeadLetterRedaction {

    static final String NOTE = " [raw value erased on a privacy request]";

    private record Coordinates(String topic, int partition, long offset) {}

    private DeadLetterRedaction() {}

    static int redact(Connection target, Mentions mentions) throws SQLException {
        if (!tableExists(target)) {
            return 0;
        }
        List<Coordinates> found = new ArrayList<>();
        try (PreparedStatement s = target.prepareStatement("SELECT topic, kafka_partition, kafka_offset, raw_value"
                + " FROM contactsync_dead_letter WHERE raw_value IS NOT NULL")) {
            s.setFetchSize(100); // values are up to 64 KiB each: stream them (the caller's transaction is open)
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    if (mentions.in(new String(rs.getBytes(4), StandardCharsets.UTF_8))) {
                        found.add(new Coordinates(rs.getString(1), rs.getInt(2), rs.getLong(3)));
                    }
                }
            }
        }
        int redacted = 0;
        try (PreparedStatement s = target.prepareStatement("UPDATE contactsync_dead_letter SET raw_value = NULL,"
                + " reason = left(reason || ?, 500) WHERE topic = ? AND kafka_partition = ? AND kafka_offset = ?")) {
            for (Coordinates letter : found) {
                s.setString(1, NOTE);
                s.setString(2, letter.topic());
                s.setInt(3, letter.partition());
                s.setLong(4, letter.offset());
                redacted += s.executeUpdate();
            }
        }
        return redacted;
    }

    private static boolean tableExists(Connection target) throws SQLException {
        try (PreparedStatement s = target.prepareStatement("SELECT to_regclass('contactsync_dead_letter') IS NOT NULL");
             ResultSet rs = s.executeQuery()) {
            rs.next();
            return rs.getBoolean(1);
        }
    }
}
