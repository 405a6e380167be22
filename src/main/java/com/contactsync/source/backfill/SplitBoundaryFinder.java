package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Finds where backfill splits end by counting rows along the primary-key index, so sparse ids and
 * huge gaps cost nothing. Each call is one short autocommit statement on its own session.
 */
final class SplitBoundaryFinder {

    /** The ids the backfill covers: {@code (lowExclusive, highInclusive]}; empty when both are equal. */
    record TableBounds(long lowExclusive, long highInclusive) {}

    private final JdbcEndpoint endpoint;
    private final BackfillStatements statements;
    private final long splitRows;

    SplitBoundaryFinder(BackfillSettings settings) {
        this.endpoint = settings.endpoint();
        this.statements = new BackfillStatements(settings);
        this.splitRows = settings.splitRows();
    }

    TableBounds tableBounds() throws SQLException {
        try (Connection connection = BackfillConnections.open(endpoint);
                PreparedStatement statement = connection.prepareStatement(statements.idRange());
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            long min = rows.getLong(1);
            if (rows.wasNull()) {
                return new TableBounds(0, 0);
            }
            long max = rows.getLong(2);
            if (min == Long.MIN_VALUE) {
                // Split bounds are exclusive below; there is no id below the smallest bigint to start from.
                throw new SQLException("cannot backfill a table holding id " + Long.MIN_VALUE);
            }
            return new TableBounds(min - 1, max);
        }
    }

    /**
     * The highest id of the split that starts after {@code lowExclusive}: the id {@code splitRows}
     * rows further on, or {@code upperBound} when fewer rows remain.
     */
    long splitEnd(long lowExclusive, long upperBound) throws SQLException {
        try (Connection connection = BackfillConnections.open(endpoint);
                PreparedStatement statement = connection.prepareStatement(statements.splitEnd())) {
            statement.setLong(1, lowExclusive);
            statement.setLong(2, upperBound);
            statement.setLong(3, splitRows - 1);
            try (ResultSet rows = statement.executeQuery()) {
                return rows.next() ? rows.getLong(1) : upperBound;
            }
        }
    }
}
