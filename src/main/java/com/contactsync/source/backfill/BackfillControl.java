package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;

/** The control row that pauses and resumes a running backfill (read by {@link SourceLoadGuard}). */
public final class BackfillControl {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillControl.class);

    private BackfillControl() {}

    /** Creates the control table in the source database if absent; without the right, pausing is unavailable. */
    public static void ensureTable(JdbcEndpoint source, SqlIdentifier table) {
        try (Connection c = source.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table.quoted()
                    + " (key text PRIMARY KEY, value text NOT NULL, updated_at timestamptz NOT NULL DEFAULT now())");
        } catch (SQLException e) {
            LOG.warn("could not create the backfill control table {} ({}): pause/resume is unavailable", table, e.getMessage());
        }
    }

    /** Pauses ({@code true}) or resumes ({@code false}) every running backfill reading this source. */
    public static void setPaused(JdbcEndpoint source, SqlIdentifier table, boolean paused) throws SQLException {
        ensureTable(source, table);
        try (Connection c = source.connect();
                PreparedStatement s = c.prepareStatement("INSERT INTO " + table.quoted() + " (key, value) VALUES (?, ?)"
                        + " ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value, updated_at = now()")) {
            s.setString(1, LoadGuardSettings.PAUSE_KEY);
            s.setString(2, String.valueOf(paused));
            s.executeUpdate();
        }
        LOG.info(paused ? "backfill pause requested" : "backfill resume requested");
    }
}
