package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.source.backfill.ResnapshotRequestTable;
import com.contactsync.source.backfill.ResnapshotSelector;
import com.contactsync.verify.ConsistentTables;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** {@code ./contactsync verify}: drift made on purpose is reported, persisted and written to the JSON report, exactly. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class VerifyCommandITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ContactNormalizer NORMALIZER = new ContactNormalizer(NormalizerSettings.defaults());
    private static JdbcEndpoint db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void profilesAndTheRowsTheJobWouldWrite() throws Exception {
        db = POSTGRES.newDatabase();
        ConsistentTables.fill(db, 3_000, 11, NORMALIZER);
        Files.writeString(dir.resolve("empty.yaml"), "");
    }

    @Test
    @Order(1)
    void aConsistentSampledRunExitsZeroAndIsRecorded() throws Exception {
        CliRun run = CliRun.of(args("--sample", "0.5", "--seed", "7"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("consistent");
        List<Object> row = latestRun();
        assertThat(row.get(0)).isEqualTo("CONSISTENT");
        assertThat((Double) row.get(1)).isEqualTo(0.5);
        assertThat((Long) row.get(2)).isEqualTo(7L);
        assertThat((Long) row.get(3)).isBetween(1_200L, 1_800L);
        assertThat((Long) row.get(4)).isZero();
    }

    @Test
    @Order(2) // the drift stays: the consistent run goes first
    void driftMadeBehindTheJobsBackIsReportedPersistedAndFailsTheExitCode() throws Exception {
        long deleted = queryLong("SELECT min(profile_id) FROM profile_email");
        long altered = queryLong("SELECT min(profile_id) FROM profile_phone WHERE profile_id > " + deleted);
        long added = queryLong("SELECT min(id) FROM profile WHERE id > " + altered);
        String deletedEmail = queryString("SELECT min(email) FROM profile_email WHERE profile_id = " + deleted);
        execute("DELETE FROM profile_email WHERE profile_id = ? AND email = ?", deleted, deletedEmail);
        execute("UPDATE profile_phone SET type = 'altered' WHERE profile_id = ?"
                + " AND phone = (SELECT min(phone) FROM profile_phone WHERE profile_id = ?)", altered, altered);
        execute("INSERT INTO profile_email (profile_id, email, email_raw, domain, is_valid, position)"
                + " VALUES (?, 'sneaky.extra@example.org', 'sneaky.extra@example.org', 'example.org', true, 99)", added);
        Path report = dir.resolve("verify.json");

        CliRun run = CliRun.of(args("--report-json", report.toString(), "--grace-seconds", "0.2", "--threads", "3"));

        assertThat(run.exitCode()).isEqualTo(VerifyCommand.DRIFT_EXIT_CODE);
        assertThat(run.output()).contains("3 profiles differ").doesNotContain(deletedEmail).doesNotContain("sneaky.extra");
        List<Object> row = latestRun();
        assertThat(row.subList(0, 9)).containsExactly("DRIFT", 1.0, row.get(2), 3_000L, 3L, 3L,
                "{\"MISSING_ROW\": 1, \"UNEXPECTED_ROW\": 1, \"DIFFERENT_VALUE\": 1, \"ORPHANED_PROFILE\": 0}", 3, true);
        List<List<Object>> persisted = mismatches((String) row.get(9));
        assertThat(persisted).extracting(m -> tuple(m.get(0), m.get(1), m.get(2))).containsExactly(
                tuple(deleted, "profile_email", "MISSING_ROW"),
                tuple(altered, "profile_phone", "DIFFERENT_VALUE"),
                tuple(added, "profile_email", "UNEXPECTED_ROW"));
        assertThat(persisted).extracting(m -> (String) m.get(3))
                .noneMatch(detail -> detail.contains(deletedEmail) || detail.contains("sneaky.extra"))
                .anyMatch(detail -> detail.contains("type expected"));

        JsonNode json = new ObjectMapper().readTree(report.toFile());
        assertThat(json.get("run_id").asText()).isEqualTo(row.get(9));
        assertThat(json.get("consistent").asBoolean()).isFalse();
        assertThat(json.get("checked").asLong()).isEqualTo(3_000);
        assertThat(json.get("mismatched").asLong()).isEqualTo(3);
        assertThat(json.get("counts_by_kind").get("UNEXPECTED_ROW").asLong()).isEqualTo(1);
        List<String> reported = new ArrayList<>();
        json.get("mismatches").forEach(m -> reported.add(m.get("profile_id").asLong() + " " + m.get("table").asText()
                + " " + m.get("kind").asText()));
        assertThat(reported).containsExactly(deleted + " profile_email MISSING_ROW",
                altered + " profile_phone DIFFERENT_VALUE", added + " profile_email UNEXPECTED_ROW");
    }

    @Test
    @Order(3)
    void aRunThatCannotFinishIsRecordedAsFailed() throws Exception {
        CliRun run = CliRun.of(args("--set", "source.table=no_such_table"));

        assertThat(run.exitCode()).isEqualTo(1);
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT status, failure, finished_at IS NOT NULL"
                + " FROM consistency_check WHERE source_table = 'no_such_table'"); ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("FAILED");
            assertThat(rs.getString(2)).contains("could not read the id bounds of no_such_table");
            assertThat(rs.getBoolean(3)).isTrue();
        }
    }

    @Test
    @Order(4) // the drift of order 2 is still there, and no job reads the request table
    void repairWithoutARunningJobRecordsOneRequestOfExactlyTheMismatchedProfilesAndSaysWhyItWaits() throws Exception {
        Path report = dir.resolve("repair.json");

        CliRun run = CliRun.of(args("--repair", "--repair-timeout", "2s", "--grace-seconds", "0.2",
                "--report-json", report.toString()));

        assertThat(run.exitCode()).isEqualTo(VerifyCommand.DRIFT_EXIT_CODE);
        assertThat(run.output()).contains("re-snapshot request", "still pending", "mode live or both", "not verified again");
        List<ResnapshotRequestTable.Row> requests = new ResnapshotRequestTable(db,
                SqlIdentifier.of(ResnapshotRequestTable.DEFAULT_NAME)).list(10);
        assertThat(requests).singleElement().satisfies(r -> {
            assertThat(r.status()).isEqualTo("pending");
            assertThat(r.selector()).isEqualTo("ids");
            assertThat(ResnapshotSelector.ids(r.ids()).ranges()).hasSizeBetween(1, 3)
                    .allSatisfy(span -> assertThat(span.highInclusive() - span.lowExclusive()).isBetween(1L, 3L));
        });
        JsonNode repair = new ObjectMapper().readTree(report.toFile()).get("repair");
        assertThat(repair.get("requested").asLong()).isEqualTo(3);
        assertThat(repair.get("request_id").asLong()).isEqualTo(requests.get(0).id());
        assertThat(repair.get("request_status").asText()).isEqualTo("pending");
        assertThat(repair.get("mismatched_after").isNull()).isTrue();
    }

    private String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of("verify"));
        args.addAll(CliRun.database(db, dir.resolve("empty.yaml")));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    /** status, sample_fraction, sample_seed, checked, mismatched, rechecked, counts_by_kind, details_stored, finished, run_id. */
    private static List<Object> latestRun() throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT status, sample_fraction, sample_seed,"
                + " checked, mismatched, rechecked, counts_by_kind::text, details_stored, finished_at >= started_at, run_id::text"
                + " FROM consistency_check ORDER BY started_at DESC LIMIT 1"); ResultSet rs = s.executeQuery()) {
            assertThat(rs.next()).as("a consistency_check row").isTrue();
            List<Object> row = new ArrayList<>();
            for (int i = 1; i <= 10; i++) {
                row.add(rs.getObject(i));
            }
            return row;
        }
    }

    private static List<List<Object>> mismatches(String runId) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT profile_id, table_name, kind, detail"
                + " FROM consistency_check_mismatch WHERE run_id = ?::uuid ORDER BY mismatch_no")) {
            s.setString(1, runId);
            List<List<Object>> rows = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(List.of(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4)));
                }
            }
            return rows;
        }
    }

    private static long queryLong(String sql) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String queryString(String sql) throws SQLException {
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String sql, Object... parameters) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        }
    }
}
