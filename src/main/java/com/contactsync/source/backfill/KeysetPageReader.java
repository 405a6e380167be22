package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.source.ProfileEvent;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads profile rows one keyset page at a time, each page its own autocommit statement. */
final class KeysetPageReader implements AutoCloseable {

    private final JdbcEndpoint endpoint;
    private final String sql;
    private final boolean withCountry;
    private Connection connection;
    private PreparedStatement statement;

    KeysetPageReader(BackfillSettings settings) {
        this.endpoint = settings.endpoint();
        this.sql = new BackfillStatements(settings).page();
        this.withCountry = settings.profileTable().hasCountryColumn();
    }

    /** Up to {@code limit} rows with {@code afterId < id <= upToId}, in id order. */
    List<ProfileEvent> read(long afterId, long upToId, int limit) throws SQLException {
        // Between pages the session is idle, never idle in a transaction; close() ends it.
        if (statement == null) {
            connection = BackfillConnections.open(endpoint);
            statement = connection.prepareStatement(sql);
        }
        statement.setLong(1, afterId);
        statement.setLong(2, upToId);
        statement.setInt(3, limit);
        List<ProfileEvent> page = new ArrayList<>(limit);
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                page.add(ProfileEvent.snapshot(rows.getLong(1), rows.getString(2), withCountry ? rows.getString(3) : null));
            }
        }
        return page;
    }

    boolean isOpen() {
        return connection != null;
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
