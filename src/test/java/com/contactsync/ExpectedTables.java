package com.contactsync;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.PhoneRow;
import com.contactsync.normalize.QualityIssue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * What the target tables must hold, computed independently of the job's write path: the source
 * rows are read with plain JDBC and normalized directly (no Flink, no encoder, no sink), and the
 * tables are read back row by row into the same textual form.
 */
public final class ExpectedTables {

    private ExpectedTables() {}

    /** One line per expected row of profile_email, profile_phone and contact_quality_issue, sorted. */
    public static List<String> expected(JdbcEndpoint source, ContactNormalizer normalizer) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = source.connect()) {
            c.setAutoCommit(false); // lets the driver stream the table instead of loading it whole
            try (Statement s = c.createStatement()) {
                s.setFetchSize(2_000);
                try (ResultSet rs = s.executeQuery("SELECT id, contacts::text, country FROM profile")) {
                    while (rs.next()) {
                        long id = rs.getLong(1);
                        NormalizedContacts n = normalizer.normalize(rs.getString(2), rs.getString(3));
                        for (EmailRow e : n.emails()) {
                            rows.add(line("e", id, e.email(), e.emailRaw(), e.domain(), e.type(), e.valid(), e.position()));
                        }
                        for (PhoneRow p : n.phones()) {
                            rows.add(line("p", id, p.phone(), p.extension(), p.phoneRaw(), p.country(), p.type(), p.valid(), p.position()));
                        }
                        int no = 0;
                        for (QualityIssue q : n.issues()) {
                            rows.add(line("q", id, no++, q.field(), q.position(), q.code().name(), q.rawValue(), q.normalizedValue(), q.suggestion()));
                        }
                    }
                }
            }
            c.commit();
        }
        Collections.sort(rows);
        return rows;
    }

    /** The target tables in the same form as {@link #expected}, sorted. */
    public static List<String> actual(JdbcEndpoint target) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            try (ResultSet rs = s.executeQuery(
                    "SELECT profile_id, email, email_raw, domain, type, is_valid, position FROM profile_email")) {
                while (rs.next()) {
                    rows.add(line("e", rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getBoolean(6), rs.getInt(7)));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT profile_id, phone, extension, phone_raw, country, type, is_valid, position FROM profile_phone")) {
                while (rs.next()) {
                    rows.add(line("p", rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getBoolean(7), rs.getInt(8)));
                }
            }
            try (ResultSet rs = s.executeQuery(
                    "SELECT profile_id, issue_no, field, position, code, raw_value, normalized_value, suggestion FROM contact_quality_issue")) {
                while (rs.next()) {
                    rows.add(line("q", rs.getLong(1), rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)));
                }
            }
        }
        Collections.sort(rows);
        return rows;
    }

    private static String line(Object... values) {
        StringBuilder b = new StringBuilder();
        for (Object v : values) {
            if (b.length() > 0) {
                b.append('\u241F'); // unit separator: cannot be confused with data
            }
            b.append(Objects.toString(v, "\u2400"));
        }
        return b.toString();
    }
}
