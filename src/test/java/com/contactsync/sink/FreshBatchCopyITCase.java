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
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** When the sink copies a batch instead of applying it with its statement, and that the copy is complete. */
class FreshBatchCopyITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ProfileWrite SEVEN = new ProfileWrite(7,
            List.of(new EmailRow("a@x.io", " A@x.io", "x.io", "home", true, 0)),
            List.of(new PhoneRow("+14155550100", "12", "415-555-0100 x12", "US", null, true, 0)),
            List.of(new QualityIssue("email", 0, QualityCode.EMAIL_WHITESPACE, " A@x.io", "a@x.io", null, "$.emails[0]")));
    private static final ProfileWrite EIGHT = new ProfileWrite(8, List.of(), List.of(),
            List.of(new QualityIssue("contacts", -1, QualityCode.CONTACTS_MALFORMED, "{", null, null)));

    private JdbcEndpoint db;

    @BeforeEach
    void createSchema() throws SQLException {
        db = POSTGRES.newDatabase();
        TargetSchema.migrate(db);
    }

    @Test
    void batchOfProfilesWithoutRowsIsCopiedWhole() throws SQLException {
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            assertThat(FreshBatchCopy.copyIfFresh(c, ProfileWriteBatch.of(List.of(SEVEN, EIGHT)))).isTrue();
            assertThat(rows(c, "SELECT count(*)::text FROM profile_email")).as("inside the transaction").containsExactly("1");
            c.rollback();
        }
        assertThat(rows("SELECT count(*)::text FROM profile_email")).as("rolled back with it").containsExactly("0");

        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            assertThat(FreshBatchCopy.copyIfFresh(c, ProfileWriteBatch.of(List.of(SEVEN, EIGHT)))).isTrue();
            c.commit();
        }
        assertThat(rows("SELECT profile_id || '|' || email || '|' || email_raw || '|' || domain || '|' || type || '|' || is_valid"
                + " || '|' || position || '|' || (updated_at > now() - interval '1 minute') FROM profile_email"))
                .containsExactly("7|a@x.io| A@x.io|x.io|home|true|0|true");
        assertThat(rows("SELECT profile_id || '|' || phone || '|' || extension || '|' || phone_raw || '|' || country || '|'"
                + " || coalesce(type, '<null>') || '|' || is_valid || '|' || position FROM profile_phone"))
                .containsExactly("7|+14155550100|12|415-555-0100 x12|US|<null>|true|0");
        assertThat(rows("SELECT profile_id || '|' || issue_no || '|' || field || '|' || position || '|' || code || '|' || raw_value"
                + " || '|' || coalesce(normalized_value, '<null>') || '|' || coalesce(suggestion, '<null>') || '|'"
                + " || coalesce(json_path, '<null>') FROM contact_quality_issue ORDER BY profile_id"))
                .containsExactly("7|0|email|0|EMAIL_WHITESPACE| A@x.io|a@x.io|<null>|$.emails[0]",
                        "8|0|contacts|-1|CONTACTS_MALFORMED|{|<null>|<null>|<null>");
    }

    /** A row of any one profile in any of the three tables makes the batch the statement's. */
    @Test
    void batchWithAProfileThatHasARowAnywhereIsLeftToTheStatement() throws SQLException {
        for (String row : List.of(
                "INSERT INTO profile_email (profile_id, email, email_raw, is_valid, position) VALUES (8, 'b@y.io', 'b@y.io', true, 0)",
                "INSERT INTO profile_phone (profile_id, phone, phone_raw, is_valid, position) VALUES (8, '1', '1', false, 0)",
                "INSERT INTO contact_quality_issue (profile_id, issue_no, field, position, code) VALUES (8, 0, 'email', 0, 'X')")) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("TRUNCATE profile_email, profile_phone, contact_quality_issue");
                s.execute(row);
                c.setAutoCommit(false);
                assertThat(FreshBatchCopy.copyIfFresh(c, ProfileWriteBatch.of(List.of(SEVEN, EIGHT)))).as(row).isFalse();
                c.commit();
            }
            assertThat(rows("SELECT count(*)::text FROM profile_email WHERE profile_id = 7")).as(row).containsExactly("0");
        }
    }

    @Test
    void withoutATransactionOrWithoutProfilesNothingIsCopied() throws SQLException {
        try (Connection c = db.connect()) {
            assertThat(FreshBatchCopy.copyIfFresh(c, ProfileWriteBatch.of(List.of(SEVEN)))).as("auto-commit").isFalse();
            c.setAutoCommit(false);
            assertThat(FreshBatchCopy.copyIfFresh(c, ProfileWriteBatch.of(List.of()))).as("empty batch").isFalse();
            c.commit();
        }
        assertThat(rows("SELECT count(*)::text FROM profile_email")).containsExactly("0");
    }

    private List<String> rows(String sql) throws SQLException {
        try (Connection c = db.connect()) {
            return rows(c, sql);
        }
    }

    private static List<String> rows(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql); ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
