package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Drift repair: the profile ids the target tables hold in a key range, so a re-snapshot page can
 * say "absent" for those the source no longer has. One short read-only autocommit statement per
 * page, on the target's primary-key indexes.
 */
final class TargetIdReader implements AutoCloseable {

    private static final String IDS = "SELECT profile_id FROM profile_email WHERE profile_id > ? AND profile_id <= ?"
            + " UNION SELECT profile_id FROM profile_phone WHERE profile_id > ? AND profile_id <= ?"
            + " UNION SELECT profile_id FROM contact_quality_issue WHERE profile_id > ? AND profile_id <= ?"
            + " ORDER BY 1";

    private final JdbcEndpoint target;
    private Connection connection;
    private PreparedStatement statement;

    TargetIdReader(JdbcEndpoint target) {
        this.target = target;
    }

    /** Ids with a row in any target table, {@code lowExclusive < id <= highInclusive}, ascending. */
    List<Long> ids(long lowExclusive, long highInclusive) throws SQLException {
        if (statement == null) {
            connection = BackfillConnections.open(target);
            statement = connection.prepareStatement(IDS);
        }
        for (int i = 0; i < 3; i++) {
            statement.setLong(2 * i + 1, lowExclusive);
            statement.setLong(2 * i + 2, highInclusive);
        }
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    @Override
    public void close() throws SQLException {
        Connection open = connection;
        connection = null;
        statement = null;
        if (open != null) {
            open.close();
        }
    }
}
