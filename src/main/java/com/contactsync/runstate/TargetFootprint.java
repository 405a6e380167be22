package com.contactsync.runstate;

import com.contactsync.config.JdbcEndpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an earlier run left in the target: rows in the contact tables (one cheap {@code EXISTS}
 * each) and runs booked in {@code contactsync_run}. Tables not created yet count as empty.
 *
 * @param lastRunStartedAt null when no run is booked
 */
public record TargetFootprint(String target, List<String> tablesWithRows, long bookedRuns, Instant lastRunStartedAt) {

    static final List<String> CONTACT_TABLES = List.of("profile_email", "profile_phone", "contact_quality_issue");

    public TargetFootprint {
        tablesWithRows = List.copyOf(tablesWithRows);
    }

    /** Reads the footprint; a few index probes, safe on a large target. */
    public static TargetFootprint read(JdbcEndpoint target) {
        try (Connection c = target.connect("contactsync-start-guard", null); Statement s = c.createStatement()) {
            List<String> withRows = new ArrayList<>();
            for (String table : CONTACT_TABLES) {
                if (exists(s, table) && bool(s, "SELECT EXISTS (SELECT 1 FROM " + table + ")")) {
                    withRows.add(table);
                }
            }
            long runs = 0;
            Instant last = null;
            if (exists(s, "contactsync_run")) {
                try (ResultSet r = s.executeQuery("SELECT count(*), max(started_at) FROM contactsync_run")) {
                    r.next();
                    runs = r.getLong(1);
                    Timestamp started = r.getTimestamp(2);
                    last = started == null ? null : started.toInstant();
                }
            }
            return new TargetFootprint(target.toString(), withRows, runs, last);
        } catch (SQLException e) {
            throw new IllegalStateException("could not check " + target + " for an earlier run's data", e);
        }
    }

    /** Nothing of an earlier run: a first start. */
    public boolean isEmpty() {
        return tablesWithRows.isEmpty() && bookedRuns == 0;
    }

    /** E.g. "rows in profile_email, profile_phone; 3 runs booked in contactsync_run, the last started 2026-…". */
    public String describe() {
        if (isEmpty()) {
            return "no rows in " + String.join(", ", CONTACT_TABLES) + " and no run booked";
        }
        List<String> parts = new ArrayList<>();
        if (!tablesWithRows.isEmpty()) {
            parts.add("rows in " + String.join(", ", tablesWithRows));
        }
        if (bookedRuns > 0) {
            parts.add(bookedRuns + " run(s) booked in contactsync_run, the last started " + lastRunStartedAt);
        }
        return String.join("; ", parts);
    }

    private static boolean exists(Statement s, String table) throws SQLException {
        return bool(s, "SELECT to_regclass('" + table + "') IS NOT NULL");
    }

    private static boolean bool(Statement s, String sql) throws SQLException {
        try (ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getBoolean(1);
        }
    }
}
