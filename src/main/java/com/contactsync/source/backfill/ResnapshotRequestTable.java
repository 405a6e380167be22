package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;

import java.io.Serializable;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The re-snapshot requests in the source database, beside the pause control row: the command line
 * records and cancels them, the running job's enumerator picks them up and reports its progress
 * there. The job's checkpointed state is the truth about accepted requests; this table is the
 * inbox and the report.
 */
public final class ResnapshotRequestTable implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Status values; {@code cancelled} is only ever set by the command line and never overwritten. */
    public static final String PENDING = "pending";
    public static final String RUNNING = "running";
    public static final String DONE = "done";
    public static final String CANCELLED = "cancelled";

    /** One row of the table, as {@code backfill status} shows it. */
    public record Row(long id, String selector, String ids, boolean hasPredicate, String status, Timestamp requestedAt,
            Timestamp startedAt, Timestamp finishedAt, long profilesRead, double progress) {}

    /** What the enumerator reports for one request. */
    record Report(long id, String status, long profilesRead, double progress) implements Serializable {}

    /** The table's name unless configured otherwise; in the control table's schema. */
    public static final String DEFAULT_NAME = "contactsync_backfill_request";

    private static final String ROW_COLUMNS = "SELECT id, selector, ids, predicate IS NOT NULL, status, requested_at,"
            + " started_at, finished_at, profiles_read, progress FROM ";

    private final JdbcEndpoint endpoint;
    private final SqlIdentifier table;

    /** The request table {@link #DEFAULT_NAME} in the schema of the pause control table (or unqualified with it). */
    public static ResnapshotRequestTable beside(JdbcEndpoint source, SqlIdentifier controlTable) {
        String control = controlTable.toString();
        int dot = control.indexOf('.');
        return new ResnapshotRequestTable(source, SqlIdentifier.of(dot < 0 ? DEFAULT_NAME : control.substring(0, dot + 1) + DEFAULT_NAME));
    }

    /** The request table of the configured source database, beside its pause control table. */
    public static ResnapshotRequestTable from(JobConfig config) {
        return beside(config.source(), LoadGuardSettings.from(config).controlTable());
    }

    public ResnapshotRequestTable(JdbcEndpoint endpoint, SqlIdentifier table) {
        this.endpoint = endpoint;
        this.table = table;
    }

    public SqlIdentifier table() {
        return table;
    }

    public void ensureTable() throws SQLException {
        try (Connection c = endpoint.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS " + table.quoted() + " ("
                    + "id bigserial PRIMARY KEY,"
                    + " selector text NOT NULL CHECK (selector IN ('all', 'ids', 'where')),"
                    + " ids text, predicate text,"
                    + " status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'running', 'done', 'cancelled')),"
                    + " requested_at timestamptz NOT NULL DEFAULT now(), started_at timestamptz, finished_at timestamptz,"
                    + " profiles_read bigint NOT NULL DEFAULT 0, progress double precision NOT NULL DEFAULT 0)");
        }
    }

    /** Records a request (the predicate must already be validated); returns its id. */
    public long submit(ResnapshotSelector selector) throws SQLException {
        ensureTable();
        try (Connection c = endpoint.connect();
                PreparedStatement s = c.prepareStatement("INSERT INTO " + table.quoted()
                        + " (selector, ids, predicate) VALUES (?, ?, ?) RETURNING id")) {
            s.setString(1, selector.kind().name().toLowerCase(java.util.Locale.ROOT));
            s.setString(2, selector.kind() == ResnapshotSelector.Kind.IDS ? selector.idsText() : null);
            s.setString(3, selector.predicate());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /**
     * Records a full re-snapshot unless one is already pending (one that is running may have read
     * profiles before whatever made this one necessary, so it does not count); idempotent, for
     * callers that may ask several times for the same reason (a gap seen by every partition).
     */
    public void submitFullUnlessPending() throws SQLException {
        ensureTable();
        try (Connection c = endpoint.connect();
                PreparedStatement s = c.prepareStatement("INSERT INTO " + table.quoted() + " (selector, ids, predicate)"
                        + " SELECT 'all', NULL, NULL WHERE NOT EXISTS (SELECT 1 FROM " + table.quoted()
                        + " WHERE selector = 'all' AND status = ?)")) {
            s.setString(1, PENDING);
            s.executeUpdate();
        }
    }

    /** Cancels a request that is not done; false when there is no such request or it is done already. */
    public boolean cancel(long id) throws SQLException {
        try (Connection c = endpoint.connect();
                PreparedStatement s = c.prepareStatement("UPDATE " + table.quoted()
                        + " SET status = 'cancelled', finished_at = now() WHERE id = ? AND status IN ('pending', 'running')")) {
            s.setLong(1, id);
            return s.executeUpdate() == 1;
        }
    }

    /** Every request, newest first, at most {@code limit}. */
    public List<Row> list(int limit) throws SQLException {
        if (!exists()) {
            return List.of();
        }
        try (Connection c = endpoint.connect();
                PreparedStatement s = c.prepareStatement(ROW_COLUMNS + table.quoted() + " ORDER BY id DESC LIMIT ?")) {
            s.setInt(1, limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(row(rs));
                }
            }
            return rows;
        }
    }

    /** One request by id, as {@link #list(int)} shows it; empty when there is no such request. */
    public Optional<Row> find(long id) throws SQLException {
        if (!exists()) {
            return Optional.empty();
        }
        try (Connection c = endpoint.connect();
                PreparedStatement s = c.prepareStatement(ROW_COLUMNS + table.quoted() + " WHERE id = ?")) {
            s.setLong(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next()
                        ? Optional.of(row(rs))
                        : Optional.empty();
            }
        }
    }

    /** Requests to accept, and the highest request id when they were read. */
    record Fresh(List<ResnapshotRequest> requests, long maxId) {}

    /**
     * Requests to accept, in id order. On a job's first poll ({@code lastAccepted < 0}) those
     * pending or running (a fresh job does not redo history); afterwards those pending, and any not
     * cancelled above {@code lastAccepted}: after a restore, requests accepted after the checkpoint
     * come back whatever they reached.
     */
    Fresh newRequests(long lastAccepted) throws SQLException {
        if (!exists()) {
            return new Fresh(List.of(), 0);
        }
        String condition = lastAccepted < 0
                ? "status IN ('pending', 'running')"
                : "status <> 'cancelled' AND (status = 'pending' OR id > ?)";
        try (Connection c = endpoint.connect()) {
            long maxId;
            // The maximum first: a request inserted in between is pending, so the second query finds it.
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) FROM " + table.quoted())) {
                rs.next();
                maxId = rs.getLong(1);
            }
            try (PreparedStatement s = c.prepareStatement("SELECT id, selector, ids, predicate FROM " + table.quoted()
                    + " WHERE " + condition + " ORDER BY id")) {
                if (lastAccepted >= 0) {
                    s.setLong(1, lastAccepted);
                }
                List<ResnapshotRequest> requests = new ArrayList<>();
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        requests.add(new ResnapshotRequest(rs.getLong(1),
                                ResnapshotSelector.of(rs.getString(2), rs.getString(3), rs.getString(4))));
                    }
                }
                return new Fresh(requests, maxId);
            }
        }
    }

    /** Which of {@code ids} were cancelled. */
    Set<Long> cancelled(Collection<Long> ids) throws SQLException {
        if (ids.isEmpty() || !exists()) {
            return Set.of();
        }
        try (Connection c = endpoint.connect();
                PreparedStatement s = c.prepareStatement("SELECT id FROM " + table.quoted() + " WHERE status = 'cancelled' AND id = ANY (?)")) {
            Array array = c.createArrayOf("bigint", ids.toArray());
            s.setArray(1, array);
            Set<Long> cancelled = new HashSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    cancelled.add(rs.getLong(1));
                }
            }
            return cancelled;
        }
    }

    /** Writes the enumerator's view; never overwrites a cancellation. */
    void report(List<Report> reports) throws SQLException {
        if (reports.isEmpty() || !exists()) {
            return;
        }
        try (Connection c = endpoint.connect();
                PreparedStatement s = c.prepareStatement("UPDATE " + table.quoted() + " SET status = ?, profiles_read = ?, progress = ?,"
                        + " started_at = coalesce(started_at, now()),"
                        + " finished_at = CASE WHEN ? = 'done' THEN coalesce(finished_at, now()) END"
                        + " WHERE id = ? AND status <> 'cancelled'")) {
            for (Report report : reports) {
                s.setString(1, report.status());
                s.setLong(2, report.profilesRead());
                s.setDouble(3, report.progress());
                s.setString(4, report.status());
                s.setLong(5, report.id());
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    private static Row row(ResultSet rs) throws SQLException {
        return new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4), rs.getString(5),
                rs.getTimestamp(6), rs.getTimestamp(7), rs.getTimestamp(8), rs.getLong(9), rs.getDouble(10));
    }

    private boolean exists() throws SQLException {
        try (Connection c = endpoint.connect(); PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table.quoted());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }
}
