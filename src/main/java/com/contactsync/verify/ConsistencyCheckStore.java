package com.contactsync.verify;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Keeps the history of consistency checks in the target database: one {@code consistency_check}
 * row per run, written as RUNNING when it starts (so a run that dies is visible), and its masked
 * mismatches in {@code consistency_check_mismatch}.
 */
public final class ConsistencyCheckStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** What a run reports when it dies; the cause's message may quote SQL or values, so it is not stored. */
    private static final int MAX_FAILURE_CHARS = 300;

    private final JdbcEndpoint target;

    public ConsistencyCheckStore(JdbcEndpoint target) {
        this.target = target;
    }

    /** Records the start of a run and returns its id. */
    public UUID start(SqlIdentifier sourceTable, VerifyOptions options, String normalization) throws SQLException {
        UUID runId = UUID.randomUUID();
        try (Connection c = target.connect();
             PreparedStatement s = c.prepareStatement("INSERT INTO consistency_check"
                     + " (run_id, status, source_table, sample_fraction, sample_seed, threads, normalization)"
                     + " VALUES (?, 'RUNNING', ?, ?, ?, ?, ?)")) {
            s.setObject(1, runId);
            s.setString(2, sourceTable.toString());
            s.setDouble(3, options.sampleFraction());
            s.setLong(4, options.sampleSeed());
            s.setInt(5, options.threads());
            s.setString(6, normalization);
            s.executeUpdate();
        }
        return runId;
    }

    /** Records the outcome and the mismatch details of a run, in one transaction. */
    public void finish(UUID runId, VerificationResult result) throws SQLException {
        try (Connection c = target.connect()) {
            c.setAutoCommit(false);
            try (PreparedStatement run = c.prepareStatement("UPDATE consistency_check SET finished_at = now(), status = ?,"
                    + " checked = ?, mismatched = ?, rechecked = ?, counts_by_kind = ?::jsonb, details_stored = ?, seconds = ?"
                    + " WHERE run_id = ?");
                 PreparedStatement detail = c.prepareStatement("INSERT INTO consistency_check_mismatch"
                         + " (run_id, mismatch_no, profile_id, table_name, kind, detail) VALUES (?, ?, ?, ?, ?, ?)")) {
                run.setString(1, result.consistent() ? "CONSISTENT" : "DRIFT");
                run.setLong(2, result.checked());
                run.setLong(3, result.mismatched());
                run.setLong(4, result.rechecked());
                run.setString(5, countsJson(result.countsByKind()));
                run.setInt(6, result.details().size());
                run.setDouble(7, result.elapsed().toMillis() / 1000.0);
                run.setObject(8, runId);
                if (run.executeUpdate() != 1) {
                    throw new IllegalStateException("no consistency_check row for run " + runId);
                }
                List<Mismatch> details = result.details();
                for (int i = 0; i < details.size(); i++) {
                    Mismatch m = details.get(i);
                    detail.setObject(1, runId);
                    detail.setInt(2, i);
                    detail.setLong(3, m.profileId());
                    detail.setString(4, m.table());
                    detail.setString(5, m.kind().name());
                    detail.setString(6, m.detail());
                    detail.addBatch();
                }
                detail.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Marks a run that could not finish; {@code reason} must not hold contact values. */
    public void fail(UUID runId, String reason) throws SQLException {
        String text = reason == null ? "unknown" : reason;
        try (Connection c = target.connect();
             PreparedStatement s = c.prepareStatement(
                     "UPDATE consistency_check SET finished_at = now(), status = 'FAILED', failure = ? WHERE run_id = ?")) {
            s.setString(1, text.length() <= MAX_FAILURE_CHARS ? text : text.substring(0, MAX_FAILURE_CHARS));
            s.setObject(2, runId);
            s.executeUpdate();
        }
    }

    static String countsJson(Map<MismatchKind, Long> counts) {
        Map<String, Long> byName = new TreeMap<>();
        counts.forEach((kind, n) -> byName.put(kind.name(), n));
        try {
            return JSON.writeValueAsString(byName);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("could not encode mismatch counts", e);
        }
    }
}
