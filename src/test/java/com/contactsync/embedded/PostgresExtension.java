package com.contactsync.embedded;

import com.contactsync.config.JdbcEndpoint;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** One real embedded PostgreSQL per test class, with a fresh database per {@link #newDatabase()}. */
public final class PostgresExtension implements BeforeAllCallback, AfterAllCallback {

    private EmbeddedPostgresServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        server = EmbeddedPostgresServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
        }
    }

    public EmbeddedPostgresServer server() {
        return server;
    }

    /** The server's default database. */
    public JdbcEndpoint endpoint() {
        return new JdbcEndpoint(server.jdbcUrl(), server.user(), "CONTACTSYNC_TEST_NO_PASSWORD");
    }

    /** A new empty database, so tests of one class do not see each other's rows. */
    public JdbcEndpoint newDatabase() throws SQLException {
        String name = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = endpoint().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        }
        String url = "jdbc:postgresql://127.0.0.1:" + server.port() + "/" + name;
        return new JdbcEndpoint(url, server.user(), "CONTACTSYNC_TEST_NO_PASSWORD");
    }
}
