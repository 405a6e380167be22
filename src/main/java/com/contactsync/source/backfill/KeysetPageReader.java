package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.source.PgSnapshot;
import com.contactsync.source.ProfileEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads profile rows one keyset page at a time, each page one short statement that also returns
 * the MVCC snapshot it read under ({@code pg_current_snapshot()}), which every row carries.
 * Pages with a {@code --where} predicate run in a read-only transaction of their own.
 */
final class KeysetPageReader implements AutoCloseable {

    /** A page of rows, and the snapshot they were read under. */
    record Page(List<ProfileEvent> rows, PgSnapshot snapshot) {}

    private final JdbcEndpoint endpoint;
    private final BackfillStatements statements;
    private final boolean withCountry;
    private final Map<String, PreparedStatement> prepared = new HashMap<>();
    private Connection connection;

    KeysetPageReader(BackfillSettings settings) {
        this.endpoint = settings.endpoint();
        this.statements = new BackfillStatements(settings);
        this.withCountry = settings.profileTable().hasCountryColumn();
    }

    /** Up to {@code limit} rows with {@code afterId < id <= upToId}, in id order. */
    List<ProfileEvent> read(long afterId, long upToId, int limit) throws SQLException {
        return page(afterId, upToId, limit, null).rows();
    }

    /** Up to {@code limit} rows with {@code afterId < id <= upToId} matching {@code predicate} (null: all), in id order. */
    Page page(long afterId, long upToId, int limit, String predicate) throws SQLException {
        // Between pages the session is idle, never idle in a transaction; close() ends it.
        if (connection == null) {
            connection = BackfillConnections.open(endpoint);
            // Only takes effect while autocommit is off: the predicate's pages (BEGIN READ ONLY).
            connection.setReadOnly(true);
        }
        String key = predicate == null ? "" : predicate;
        PreparedStatement statement = prepared.get(key);
        if (statement == null) {
            statement = connection.prepareStatement(statements.snapshotPage(predicate));
            prepared.put(key, statement);
        }
        statement.setLong(1, afterId);
        statement.setLong(2, upToId);
        statement.setInt(3, limit);
        if (predicate != null) {
            // The predicate is the operator's text: a transaction that cannot write, whatever it calls.
            connection.setAutoCommit(false);
        }
        try {
            List<ProfileEvent> rows = new ArrayList<>(limit);
            PgSnapshot snapshot = null;
            try (ResultSet result = statement.executeQuery()) {
                while (result.next()) {
                    snapshot = snapshot == null ? PgSnapshot.parse(result.getString(1)) : snapshot;
                    long id = result.getLong(2);
                    if (!result.wasNull()) {
                        rows.add(ProfileEvent.snapshot(id, result.getString(3), withCountry ? result.getString(4) : null, snapshot));
                    }
                }
            }
            return new Page(rows, snapshot);
        } finally {
            if (predicate != null) {
                connection.setAutoCommit(true); // commits the read-only transaction
            }
        }
    }

    boolean isOpen() {
        return connection != null;
    }

    @Override
    public void close() throws SQLException {
        Connection open = connection;
        connection = null;
        prepared.clear();
        if (open != null) {
            open.close();
        }
    }
}
