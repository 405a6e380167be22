package com.contactsync.cli;

import com.contactsync.config.JdbcEndpoint;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;

/** Row counts of the target tables (dead letters included) and quality issues by code, for summaries and reports. */
public record TargetTableStats(long emailRows, long phoneRows, long issueRows, long deadLetters, Map<String, Long> issuesByCode) {

    public static TargetTableStats read(JdbcEndpoint target) throws SQLException {
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            long emails = count(s, "SELECT count(*) FROM profile_email");
            long phones = count(s, "SELECT count(*) FROM profile_phone");
            long issues = count(s, "SELECT count(*) FROM contact_quality_issue");
            long deadLetters = count(s, "SELECT count(*) FROM contactsync_dead_letter");
            Map<String, Long> byCode = new TreeMap<>();
            try (ResultSet rs = s.executeQuery("SELECT code, count(*) FROM contact_quality_issue GROUP BY code")) {
                while (rs.next()) {
                    byCode.put(rs.getString(1), rs.getLong(2));
                }
            }
            return new TargetTableStats(emails, phones, issues, deadLetters, byCode);
        }
    }

    private static long count(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
