package com.contactsync.source.backfill;

import com.contactsync.config.ProfileTable;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.embedded.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** One embedded PostgreSQL shared by the backfill tests of a JVM, and the profile tables they read. */
final class BackfillTestDatabase {

    /** Not set in tests: the embedded server trusts local connections. */
    private static final String PASSWORD_ENV = "CONTACTSYNC_BACKFILL_TEST_PASSWORD";
    private static BackfillTestDatabase instance;

    private final EmbeddedPostgresServer server;

    private BackfillTestDatabase(EmbeddedPostgresServer server) {
        this.server = server;
    }

    static synchronized BackfillTestDatabase get() {
        if (instance == null) {
            EmbeddedPostgresServer server = EmbeddedPostgresServer.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::close, "backfill-test-postgres-stop"));
            instance = new BackfillTestDatabase(server);
        }
        return instance;
    }

    String jdbcUrl() {
        return server.jdbcUrl();
    }

    JdbcEndpoint endpoint() {
        return new JdbcEndpoint(server.jdbcUrl(), server.user(), PASSWORD_ENV);
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(server.jdbcUrl());
    }

    /** A profile table holding one row per id that {@code idsQuery} yields (one bigint column). */
    void createProfileTable(String table, String idsQuery) throws SQLException {
        execute("DROP TABLE IF EXISTS " + table,
                "CREATE TABLE " + table + " (id bigint PRIMARY KEY, contacts jsonb, country text, note text)",
                "INSERT INTO " + table + " SELECT i, jsonb_build_object('emails', jsonb_build_array('p' || i || '@example.org')),"
                        + " CASE WHEN i % 2 = 0 THEN 'DE' END, 'unread column' FROM (" + idsQuery + ") AS ids(i)",
                "ANALYZE " + table);
    }

    BackfillSettings settings(String table, long splitRows, int pageRows, double maxRowsPerSecond) {
        return new BackfillSettings(endpoint(), ProfileTable.of(table, "id", "contacts", "country"), splitRows, pageRows, maxRowsPerSecond);
    }

    void execute(String... statements) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }

    long count(String sql, Object... params) throws SQLException {
        return longs(sql, params).get(0);
    }

    List<Long> longs(String sql, Object... params) throws SQLException {
        try (Connection connection = connect(); PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                statement.setObject(i + 1, params[i]);
            }
            List<Long> values = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    values.add(rows.getLong(1));
                }
            }
            return values;
        }
    }
}
