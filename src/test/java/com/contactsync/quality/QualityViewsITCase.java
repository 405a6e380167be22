package com.contactsync.quality;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.sink.TargetSchema;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** The cross-profile quality views of V4 and V9 on a small fixture whose every expected row is written out. */
class QualityViewsITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static JdbcEndpoint db;

    @BeforeAll
    static void fixture() throws SQLException {
        db = POSTGRES.newDatabase();
        TargetSchema.migrate(db);
        execute("INSERT INTO profile_email (profile_id, email, email_raw, domain, type, is_valid, position) VALUES"
                // a shared inbox on three profiles, an address on only two
                + " (1, 'info@acme.com', 'INFO@acme.com', 'acme.com', NULL, true, 0),"
                + " (2, 'info@acme.com', 'info@acme.com', 'acme.com', 'work', true, 0),"
                + " (3, 'info@acme.com', 'info@acme.com', 'acme.com', NULL, true, 0),"
                + " (4, 'duo@acme.com', 'duo@acme.com', 'acme.com', NULL, true, 0),"
                + " (5, 'duo@acme.com', 'duo@acme.com', 'acme.com', NULL, true, 0),"
                // one invalid address of two on a domain; a domain that is a typo; no domain at all
                + " (4, 'a@broken.org', 'a@broken.org', 'broken.org', NULL, true, 1),"
                + " (5, 'b..c@broken.org', 'b..c@broken.org', 'broken.org', NULL, false, 1),"
                + " (6, 'x@gmial.com', 'x@gmial.com', 'gmial.com', NULL, true, 0),"
                + " (7, 'y@gmial.com', 'y@gmial.com', 'gmial.com', NULL, true, 0),"
                + " (7, 'nodomain', 'nodomain', NULL, NULL, false, 1),"
                // work-typed addresses: on free-mail (flagged) and on a company domain (not)
                + " (8, 'work@gmail.com', 'work@gmail.com', 'gmail.com', 'work', true, 0),"
                + " (9, 'home@gmail.com', 'home@gmail.com', 'gmail.com', 'home', true, 0),"
                + " (10, 'biz@acme.com', 'biz@acme.com', 'acme.com', 'business', true, 0),"
                + " (11, 'off@yahoo.com', 'off@yahoo.com', 'yahoo.com', 'office', true, 0)");
        execute("INSERT INTO profile_phone (profile_id, phone, extension, phone_raw, country, type, is_valid, position) VALUES"
                + " (1, '+14155550123', '', '(415) 555-0123', 'US', NULL, true, 0),"
                + " (2, '+14155550123', '', '+14155550123', 'US', NULL, true, 0),"
                + " (2, '+14155550123', '12', '+14155550123 x12', 'US', NULL, true, 1),"
                + " (3, '+14155550199', '', '+14155550199', 'US', NULL, true, 0)");
        execute("INSERT INTO contact_quality_issue (profile_id, issue_no, field, position, code, raw_value, normalized_value, suggestion) VALUES"
                + " (1, 0, 'email', 0, 'EMAIL_CASE', 'INFO@acme.com', 'info@acme.com', NULL),"
                + " (1, 1, 'email', 1, 'EMAIL_DUPLICATE', 'info@acme.com', 'info@acme.com', NULL),"
                + " (1, 2, 'email', 2, 'EMAIL_DUPLICATE', 'Info@acme.com', 'info@acme.com', NULL),"
                + " (1, 3, 'phone', 1, 'PHONE_DUPLICATE', '415 555 0123', '+14155550123', NULL),"
                + " (2, 0, 'phone', 2, 'PHONE_DUPLICATE', '4155550123', '+14155550123', NULL),"
                + " (6, 0, 'email', 0, 'EMAIL_DOMAIN_TYPO', 'x@gmial.com', 'x@gmial.com', 'x@gmail.com'),"
                + " (7, 0, 'email', 0, 'EMAIL_DOMAIN_TYPO', 'y@gmial.com', 'y@gmial.com', 'y@gmail.com')");
        // Contacts the mapping missed, planted at known paths (V9 collapses the indexes).
        execute("INSERT INTO contact_quality_issue (profile_id, issue_no, field, position, code, raw_value, normalized_value,"
                + " suggestion, json_path) VALUES"
                // two unmapped addresses on one profile under the same collapsed path, one more on another profile
                + " (20, 0, 'email', 0, 'CONTACT_UNMAPPED', 'a@acme.com', 'a@acme.com', NULL, '$.contact.others[0].email'),"
                + " (20, 1, 'email', 1, 'CONTACT_UNMAPPED', 'b@acme.com', 'b@acme.com', NULL, '$.contact.others[12].email'),"
                + " (21, 0, 'email', 0, 'CONTACT_UNMAPPED', 'c@acme.com', 'c@acme.com', NULL, '$.contact.others[3].email'),"
                + " (21, 1, 'phone', 0, 'CONTACT_UNMAPPED', '+1 415 555 0100', '+14155550100', NULL, '$.work_phone'),"
                // a text mentioning two contacts: two issues, one profile; nested indexes collapse too
                + " (22, 0, 'email', 0, 'CONTACT_MENTIONED', 'mail d@acme.com or e@acme.com', 'd@acme.com', NULL, '$.notes'),"
                + " (22, 1, 'email', 1, 'CONTACT_MENTIONED', 'mail d@acme.com or e@acme.com', 'e@acme.com', NULL, '$.notes'),"
                + " (23, 0, 'phone', 0, 'CONTACT_MENTIONED', 'call 415 555 0101', '+14155550101', NULL, '$.log[2].lines[10]'),"
                // an entry issue has a path too; a quoted key stays as it is
                + " (24, 0, 'email', 3, 'EMAIL_INVALID', 'x@', 'x@', NULL, '$.emails[3]'),"
                + " (24, 1, 'email', 0, 'CONTACT_UNMAPPED', 'f@acme.com', 'f@acme.com', NULL, '$[''odd key'']'),"
                // issues about the whole value have no path and are left out
                + " (25, 0, 'contacts', -1, 'CONTACTS_MALFORMED', '{', NULL, NULL, NULL)");
    }

    @Test
    void issuesByCodeCountIssuesAndProfiles() throws SQLException {
        assertThat(rows("SELECT code, issues, profiles FROM quality_issue_by_code ORDER BY code COLLATE \"C\""))
                .containsExactly("CONTACTS_MALFORMED|1|1", "CONTACT_MENTIONED|3|2", "CONTACT_UNMAPPED|5|3", "EMAIL_CASE|1|1",
                "EMAIL_DOMAIN_TYPO|2|2", "EMAIL_DUPLICATE|2|1", "EMAIL_INVALID|1|1", "PHONE_DUPLICATE|2|2");
    }

    @Test
    void sharedEmailsAreThoseOnThreeOrMoreProfiles() throws SQLException {
        assertThat(rows("SELECT email, domain, profiles, is_valid, example_profile_ids FROM quality_shared_email"))
                .containsExactly("info@acme.com|acme.com|3|t|{1,2,3}");
    }

    @Test
    void sharedPhonesCountProfilesNotExtensions() throws SQLException {
        assertThat(rows("SELECT phone, profiles, is_valid, country, example_profile_ids FROM quality_shared_phone"))
                .containsExactly("+14155550123|2|t|US|{1,2}");
    }

    @Test
    void domainHealthCountsInvalidAndTypoAddressesWithRatios() throws SQLException {
        assertThat(rows("SELECT domain, suggested_domain FROM quality_typo_domain")).containsExactly("gmial.com|gmail.com");
        assertThat(rows("SELECT domain, addresses, invalid, typos, broken, invalid_ratio, typo_ratio, broken_ratio,"
                + " suggested_domain FROM quality_domain_health ORDER BY domain")).containsExactly(
                "broken.org|2|1|0|1|0.5000|0.0000|0.5000|null",
                "gmial.com|2|0|2|2|0.0000|1.0000|1.0000|gmail.com");
    }

    @Test
    void workTypedEmailsOnFreeMailDomainsAreFlagged() throws SQLException {
        assertThat(rows("SELECT profile_id, email, domain, type, is_valid FROM quality_work_email_on_freemail ORDER BY profile_id"))
                .containsExactly("8|work@gmail.com|gmail.com|work|t", "11|off@yahoo.com|yahoo.com|office|t");
        assertThat(rows("SELECT count(*) FROM quality_freemail_domain WHERE domain IN ('gmail.com', 'yahoo.com', 'acme.com')"))
                .containsExactly("2");
    }

    @Test
    void duplicatesAreCountedPerProfileAndKind() throws SQLException {
        assertThat(rows("SELECT profile_id, email_duplicates, phone_duplicates, duplicates FROM quality_duplicates_per_profile"
                + " ORDER BY profile_id")).containsExactly("1|2|1|3", "2|0|1|1");
    }

    @Test
    void issuesByPathCollapseArrayIndexesAndCountIssuesAndProfiles() throws SQLException {
        assertThat(rows("SELECT code, json_path, issues, profiles FROM quality_issue_by_path"
                + " ORDER BY code, json_path COLLATE \"C\""))
                .containsExactly(
                        "CONTACT_MENTIONED|$.log[*].lines[*]|1|1",
                        "CONTACT_MENTIONED|$.notes|2|1",
                        "CONTACT_UNMAPPED|$.contact.others[*].email|3|2",
                        "CONTACT_UNMAPPED|$.work_phone|1|1",
                        "CONTACT_UNMAPPED|$['odd key']|1|1",
                        "EMAIL_INVALID|$.emails[*]|1|1");
    }

    private static List<String> rows(String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
