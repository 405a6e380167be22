package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;

/** Opens the backfill's database sessions: autocommit, bounded statements, and named so a DBA can see them. */
final class BackfillConnections {

    static final String APPLICATION_NAME = "contactsync-backfill";
    /** Generous for a page or a boundary probe on a busy server, short enough that a stuck scan cannot linger. */
    static final Duration STATEMENT_TIMEOUT = Duration.ofMinutes(2);
    /** A guard only: with autocommit on, no session of ours should ever be idle in a transaction. */
    static final Duration IDLE_IN_TRANSACTION_TIMEOUT = Duration.ofMinutes(1);

    private BackfillConnections() {}

    static Connection open(JdbcEndpoint endpoint) throws SQLException {
        // Settings at session start cost no extra round trip and cannot be forgotten on a reconnect.
        Connection connection = endpoint.connect(APPLICATION_NAME,
                "-c default_transaction_read_only=on -c statement_timeout=" + STATEMENT_TIMEOUT.toMillis()
                        + " -c idle_in_transaction_session_timeout=" + IDLE_IN_TRANSACTION_TIMEOUT.toMillis());
        // Every query is its own short transaction: a long snapshot would hold back vacuum on the live table.
        connection.setAutoCommit(true);
        return connection;
    }
}
