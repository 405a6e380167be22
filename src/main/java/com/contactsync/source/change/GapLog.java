package com.contactsync.source.change;

import com.contactsync.config.JdbcEndpoint;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Records change-topic gaps in {@code contactsync_gap} (migration V7), once per topic, partition and offset. */
public final class GapLog implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final String INSERT = "INSERT INTO contactsync_gap (topic, partition, expected_offset, earliest_offset, end_offset)"
            + " VALUES (?, ?, ?, ?, ?) ON CONFLICT (topic, partition, expected_offset) DO NOTHING";

    private final JdbcEndpoint target;

    public GapLog(JdbcEndpoint target) {
        this.target = target;
    }

    /** Returns whether the gap was new (a restart that finds the same gap again adds no row). */
    public boolean record(ChangeTopicGap gap) throws SQLException {
        try (Connection c = target.connect("contactsync-gap-log", null); PreparedStatement s = c.prepareStatement(INSERT)) {
            s.setString(1, gap.topic());
            s.setInt(2, gap.partition());
            s.setLong(3, gap.expectedOffset());
            s.setLong(4, gap.earliestOffset());
            s.setLong(5, gap.endOffset());
            return s.executeUpdate() == 1;
        }
    }
}
