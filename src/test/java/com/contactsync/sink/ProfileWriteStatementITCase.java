package com.contactsync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.embedded.PostgresExtension;

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

    private static final ProfileWrite TWO_EMAILS = new ProfileWrite(7,
            "[{\"email\":\"a@x.io\",\"email_raw\":\" A@x.io\",\"domain\":\"x.io\",\"type\":\"home\",\"is_valid\":true,\"position\":0},"
                    + "{\"email\":\"b@y.io\",\"email_raw\":\"b@y.io\",\"domain\":\"y.io\",\"type\":null,\"is_valid\":true,\"position\":1}]",
            "[{\"phone\":\"+14155550100\",\"extension\":\"\",\"phone_raw\":\"415-555-0100\",\"country\":\"US\",\"type\":\"mobile\",\"is_valid\":true,\"position\":0}]",
            "[{\"issue_no\":0,\"field\":\"email\",\"position\":0,\"code\":\"EMAIL_WHITESPACE\",\"raw_value\":\" A@x.io\",\"normalized_value\":\"a@x.io\",\"suggestion\":null}]");
    private static final ProfileWrite ONE_EMAIL = new ProfileWrite(7,
            "[{\"email\":\"b@y.io\",\"email_raw\":\"b@y.io\",\"domain\":\"y.io\",\"type\":\"work\",\"is_valid\":true,\"position\":0}]",
            "[]", "[]");

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
    void removalDeletesEveryRowOfTheProfileOnly() throws SQLException {
        apply(TWO_EMAILS);
        ProfileWrite other = new ProfileWrite(8, TWO_EMAILS.emailsJson, "[]", "[]");
        apply(other);
        apply(ProfileWrite.removal(7));
        assertThat(rows("SELECT profile_id::text FROM profile_email")).containsOnly("8");
        assertThat(rows("SELECT profile_id::text FROM profile_phone")).isEmpty();
        assertThat(rows("SELECT profile_id::text FROM contact_quality_issue")).isEmpty();
    }

    @Test
    void oneBatchAppliesEveryProfileOnItsOwn() throws SQLException {
        apply(TWO_EMAILS, new ProfileWrite(8, TWO_EMAILS.emailsJson, "[]", "[]"), new ProfileWrite(9, ONE_EMAIL.emailsJson, "[]", "[]"));
        apply(ONE_EMAIL, ProfileWrite.removal(8));
        assertThat(rows("SELECT profile_id || ':' || email FROM profile_email"))
                .containsExactlyInAnyOrder("7:b@y.io", "9:b@y.io");
        assertThat(rows("SELECT profile_id::text FROM profile_phone")).isEmpty();
    }

    private void apply(ProfileWrite... writes) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(ProfileWriteStatement.SQL)) {
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
