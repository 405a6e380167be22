package com.contactsync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.PhoneRow;
import com.contactsync.normalize.QualityCode;
import com.contactsync.normalize.QualityIssue;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The sink's one statement on real PostgreSQL: complete replacement, idempotent replays. */
class ProfileWriteStatementITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private JdbcEndpoint db;

    private static final List<EmailRow> A_AND_B = List.of(
            new EmailRow("a@x.io", " A@x.io", "x.io", "home", true, 0),
            new EmailRow("b@y.io", "b@y.io", "y.io", null, true, 1));
    private static final ProfileWrite TWO_EMAILS = new ProfileWrite(7, A_AND_B,
            List.of(new PhoneRow("+14155550100", "", "415-555-0100", "US", "mobile", true, 0)),
            List.of(new QualityIssue("email", 0, QualityCode.EMAIL_WHITESPACE, " A@x.io", "a@x.io", null)));
    private static final List<EmailRow> B_ONLY = List.of(new EmailRow("b@y.io", "b@y.io", "y.io", "work", true, 0));
    private static final ProfileWrite ONE_EMAIL = new ProfileWrite(7, B_ONLY, List.of(), List.of());

    @BeforeEach
    void createSchema() throws SQLException {
        db = POSTGRES.newDatabase();
        assertThat(TargetSchema.migrate(db)).isPositive();
        assertThat(TargetSchema.migrate(db)).as("re-running the migrations is a no-op").isZero();
    }

    @Test
    void writeMakesTheProfilesRowsEqualItsLists() throws SQLException {
        apply(TWO_EMAILS);
        assertThat(rows("SELECT email || '|' || email_raw || '|' || coalesce(type,'-') || '|' || position FROM profile_email"))
                .containsExactlyInAnyOrder("a@x.io| A@x.io|home|0", "b@y.io|b@y.io|-|1");
        assertThat(rows("SELECT phone || '|' || country FROM profile_phone")).containsExactly("+14155550100|US");
        assertThat(rows("SELECT code FROM contact_quality_issue")).containsExactly("EMAIL_WHITESPACE");

        apply(ONE_EMAIL);
        assertThat(rows("SELECT email || '|' || type || '|' || position FROM profile_email")).containsExactly("b@y.io|work|0");
        assertThat(rows("SELECT phone FROM profile_phone")).isEmpty();
        assertThat(rows("SELECT code FROM contact_quality_issue")).isEmpty();
    }

    @Test
    void replayChangesNothingNotEvenATuple() throws SQLException {
        apply(TWO_EMAILS);
        List<String> versions = rows("SELECT ctid::text || xmin::text FROM profile_email ORDER BY email");
        apply(TWO_EMAILS);
        apply(TWO_EMAILS);
        assertThat(rows("SELECT ctid::text || xmin::text FROM profile_email ORDER BY email")).isEqualTo(versions);
    }

    @Test
    void issuesKeepTheirJsonPathAndAPathChangeIsWrittenAndReplayedAsNoChange() throws SQLException {
        QualityIssue atEmails = new QualityIssue("email", 0, QualityCode.EMAIL_CASE, "A@x.io", "a@x.io", null, "$.emails[0]");
        QualityIssue unmapped = new QualityIssue("phone", 0, QualityCode.CONTACT_UNMAPPED, "+1 415 555 0100",
                "+14155550100", null, "$['odd key'].mobile");
        QualityIssue whole = new QualityIssue("contacts", -1, QualityCode.CONTACTS_TRUNCATED, null, "1", "why");
        apply(new ProfileWrite(9, List.of(), List.of(), List.of(atEmails, unmapped, whole)));
        assertThat(rows("SELECT issue_no || '|' || coalesce(json_path, '<null>') FROM contact_quality_issue ORDER BY issue_no"))
                .containsExactly("0|$.emails[0]", "1|$['odd key'].mobile", "2|<null>");

        QualityIssue moved = new QualityIssue("email", 0, QualityCode.EMAIL_CASE, "A@x.io", "a@x.io", null, "$.email");
        ProfileWrite movedWrite = new ProfileWrite(9, List.of(), List.of(), List.of(moved, unmapped, whole));
        apply(movedWrite);
        assertThat(rows("SELECT coalesce(json_path, '<null>') FROM contact_quality_issue ORDER BY issue_no"))
                .containsExactly("$.email", "$['odd key'].mobile", "<null>");
        List<String> versions = rows("SELECT ctid::text || xmin::text FROM contact_quality_issue ORDER BY issue_no");
        apply(movedWrite);
        assertThat(rows("SELECT ctid::text || xmin::text FROM contact_quality_issue ORDER BY issue_no")).isEqualTo(versions);
    }

    @Test
    void removalDeletesEveryRowOfTheProfileOnly() throws SQLException {
        apply(TWO_EMAILS);
        ProfileWrite other = new ProfileWrite(8, A_AND_B, List.of(), List.of());
        apply(other);
        apply(ProfileWrite.removal(7));
        assertThat(rows("SELECT profile_id::text FROM profile_email")).containsOnly("8");
        assertThat(rows("SELECT profile_id::text FROM profile_phone")).isEmpty();
        assertThat(rows("SELECT profile_id::text FROM contact_quality_issue")).isEmpty();
    }

    @Test
    void oneBatchAppliesEveryProfileOnItsOwn() throws SQLException {
        apply(TWO_EMAILS, new ProfileWrite(8, A_AND_B, List.of(), List.of()), new ProfileWrite(9, B_ONLY, List.of(), List.of()));
        apply(ONE_EMAIL, ProfileWrite.removal(8));
        assertThat(rows("SELECT profile_id || ':' || email FROM profile_email"))
                .containsExactlyInAnyOrder("7:b@y.io", "9:b@y.io");
        assertThat(rows("SELECT profile_id::text FROM profile_phone")).isEmpty();
    }

    @Test
    void batchMixingProfilesWithAndWithoutRowsReplacesAndInsertsBoth() throws SQLException {
        apply(TWO_EMAILS); // profile 7 has rows now: the next batch is not a fresh one
        apply(ONE_EMAIL, new ProfileWrite(10, A_AND_B, List.of(), List.of()));
        assertThat(rows("SELECT profile_id || ':' || email || '|' || coalesce(type, '-') FROM profile_email"))
                .containsExactlyInAnyOrder("7:b@y.io|work", "10:a@x.io|home", "10:b@y.io|-");
        assertThat(rows("SELECT profile_id::text FROM profile_phone")).isEmpty();
        assertThat(rows("SELECT profile_id::text FROM contact_quality_issue")).isEmpty();
    }

    @Test
    void batchOfProfilesWithoutRowsIsInsertedAndItsReplayChangesNothing() throws SQLException {
        ProfileWrite other = new ProfileWrite(8, B_ONLY, List.of(), List.of());
        apply(TWO_EMAILS, other);
        List<String> versions = rows("SELECT ctid::text || xmin::text FROM profile_email ORDER BY profile_id, email");
        assertThat(versions).hasSize(3);
        assertThat(rows("SELECT count(*)::text FROM profile_phone")).containsExactly("1");
        assertThat(rows("SELECT count(*)::text FROM contact_quality_issue")).containsExactly("1");
        apply(TWO_EMAILS, other);
        assertThat(rows("SELECT ctid::text || xmin::text FROM profile_email ORDER BY profile_id, email")).isEqualTo(versions);
    }

    /**
     * The fresh path's safety argument: if anything else inserts a row of a fresh batch's profile while
     * the statement runs, the plain insert fails (it never writes a duplicate or skips a row), and the
     * replay after the fail-over takes the upsert path and ends exact.
     */
    @Test
    void rowInsertedByAnotherSessionMeanwhileFailsTheFreshInsertAndTheReplayUpserts() throws Exception {
        try (Connection other = db.connect()) {
            other.setAutoCommit(false);
            try (PreparedStatement s = other.prepareStatement(
                    "INSERT INTO profile_email (profile_id, email, email_raw, is_valid, position) VALUES (7, 'a@x.io', 'old', true, 5)")) {
                s.executeUpdate();
            }
            java.util.concurrent.CompletableFuture<Void> fresh = java.util.concurrent.CompletableFuture.runAsync(() -> {
                try {
                    apply(TWO_EMAILS); // does not see the uncommitted row: fresh; its insert waits on it
                } catch (SQLException e) {
                    throw new java.util.concurrent.CompletionException(e);
                }
            });
            Thread.sleep(500);
            other.commit();
            assertThat(fresh).failsWithin(java.time.Duration.ofSeconds(30))
                    .withThrowableThat().havingRootCause().isInstanceOf(SQLException.class)
                    .withMessageContaining("duplicate key");
        }
        assertThat(rows("SELECT email_raw FROM profile_email")).containsExactly("old");

        apply(TWO_EMAILS);
        assertThat(rows("SELECT email || '|' || email_raw || '|' || position FROM profile_email"))
                .containsExactlyInAnyOrder("a@x.io| A@x.io|0", "b@y.io|b@y.io|1");
        assertThat(rows("SELECT code FROM contact_quality_issue")).containsExactly("EMAIL_WHITESPACE");
    }

    /** Without a transaction the copies could commit apart: the statement alone applies the batch. */
    @Test
    void withAutoCommitAFreshBatchTakesTheStatementAndEndsTheSame() throws SQLException {
        try (Connection c = db.connect()) {
            execute(c, TWO_EMAILS, new ProfileWrite(8, B_ONLY, List.of(), List.of()));
        }
        assertThat(rows("SELECT profile_id || ':' || email || '|' || email_raw FROM profile_email"))
                .containsExactlyInAnyOrder("7:a@x.io| A@x.io", "7:b@y.io|b@y.io", "8:b@y.io|b@y.io");
        assertThat(rows("SELECT code FROM contact_quality_issue")).containsExactly("EMAIL_WHITESPACE");
        List<String> versions = rows("SELECT ctid::text || xmin::text FROM profile_email ORDER BY profile_id, email");
        apply(TWO_EMAILS, new ProfileWrite(8, B_ONLY, List.of(), List.of()));
        assertThat(rows("SELECT ctid::text || xmin::text FROM profile_email ORDER BY profile_id, email")).isEqualTo(versions);
    }

    /** Through the copy (a fresh batch) and through the arrays (a replacement: not fresh). */
    @Test
    void everyCharacterArrivesAsItIs() throws SQLException {
        apply(awkward(8)); // fresh: copied
        apply(TWO_EMAILS);
        apply(awkward(7)); // profile 7 has rows: the statement's arrays
        for (long profile : new long[] {7, 8}) {
            String where = " WHERE profile_id = " + profile;
            assertThat(rows("SELECT email_raw FROM profile_email" + where + " AND position = 0")).containsExactly(AWKWARD);
            assertThat(rows("SELECT coalesce(domain, '<null>') || '|' || coalesce(type, '<null>') || '|' || is_valid"
                    + " FROM profile_email" + where + " ORDER BY position"))
                    .containsExactly("<null>|<null>|false", "<null>||true");
            assertThat(rows("SELECT phone || '|' || extension || '|' || phone_raw || '|' || coalesce(country, '<null>')"
                    + " || '|' || position FROM profile_phone" + where))
                    .containsExactly("NULL||{}|<null>|-1");
            assertThat(rows("SELECT issue_no || '|' || field || '|' || position || '|' || raw_value || '|'"
                    + " || coalesce(normalized_value, '<null>') || '|' || suggestion || '|' || coalesce(json_path, '<null>')"
                    + " FROM contact_quality_issue" + where + " ORDER BY issue_no"))
                    .containsExactly("0|email|0|" + AWKWARD + "|<null>|NULL|<null>", "1|contacts|-1|" + AWKWARD + "|" + AWKWARD
                            + "|x|$['a\tb'][2147483647]");
        }
    }

    private static final String AWKWARD = "\"q\" \\b, {c} NULL 'd' ;x=1 \u00e9\u4e2d\uD83D\uDE00 \t\n\\N";

    private static ProfileWrite awkward(long profileId) {
        return new ProfileWrite(profileId,
                List.of(new EmailRow("a@x.io", AWKWARD, null, null, false, 0), new EmailRow("", "", null, "", true, 1)),
                List.of(new PhoneRow("NULL", "", "{}", null, null, false, -1)),
                List.of(new QualityIssue("email", 0, QualityCode.EMAIL_INVALID, AWKWARD, null, "NULL"),
                        new QualityIssue("contacts", -1, QualityCode.CONTACTS_TRUNCATED, AWKWARD, AWKWARD, "x",
                                "$['a\tb'][2147483647]")));
    }

    /** As the sink applies a batch: in a transaction (the XA branch there), statement after copies. */
    private void apply(ProfileWrite... writes) throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            execute(c, writes);
            c.commit();
        }
    }

    private void execute(Connection c, ProfileWrite... writes) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(ProfileWriteStatement.SQL)) {
            new ProfileWriteStatement().accept(s, ProfileWriteBatch.of(java.util.List.of(writes)));
            s.addBatch();
            s.executeBatch();
        }
    }

    private List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
