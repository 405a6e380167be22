package com.contactsync.verify;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.PhoneRow;
import com.contactsync.normalize.QualityIssue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;

/** Test-only: fills the target tables with what the normalizer computes, by plain INSERTs (not the job's sink). */
final class ExpectedRowWriter {

    private ExpectedRowWriter() {}

    static void write(JdbcEndpoint db, ContactNormalizer normalizer) throws SQLException {
        try (Connection c = db.connect();
             Statement read = c.createStatement();
             Connection w = db.connect();
             PreparedStatement emails = w.prepareStatement("INSERT INTO profile_email"
                     + " (profile_id, email, email_raw, domain, type, is_valid, position) VALUES (?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement phones = w.prepareStatement("INSERT INTO profile_phone"
                     + " (profile_id, phone, extension, phone_raw, country, type, is_valid, position) VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
             PreparedStatement issues = w.prepareStatement("INSERT INTO contact_quality_issue (profile_id, issue_no,"
                     + " field, position, code, raw_value, normalized_value, suggestion) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            c.setAutoCommit(false);
            w.setAutoCommit(false);
            read.setFetchSize(1_000);
            try (ResultSet rs = read.executeQuery("SELECT id, contacts::text, country FROM profile")) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    NormalizedContacts n = normalizer.normalize(rs.getString(2), rs.getString(3));
                    for (EmailRow e : n.emails()) {
                        bind(emails, id, e.email(), e.emailRaw(), e.domain(), e.type(), e.valid(), e.position());
                    }
                    for (PhoneRow p : n.phones()) {
                        bind(phones, id, p.phone(), p.extension() == null ? "" : p.extension(), p.phoneRaw(),
                                p.country(), p.type(), p.valid(), p.position());
                    }
                    int issueNo = 0;
                    for (QualityIssue q : n.issues()) {
                        bind(issues, id, issueNo++, q.field(), q.position(), q.code().name(), q.rawValue(),
                                q.normalizedValue(), q.suggestion());
                    }
                }
            }
            emails.executeBatch();
            phones.executeBatch();
            issues.executeBatch();
            w.commit();
            c.commit();
        }
    }

    private static void bind(PreparedStatement insert, Object... values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                insert.setNull(i + 1, Types.VARCHAR);
            } else {
                insert.setObject(i + 1, values[i]);
            }
        }
        insert.addBatch();
    }
}
