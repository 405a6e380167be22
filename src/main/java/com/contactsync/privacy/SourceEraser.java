package com.contactsync.privacy;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.ProfileTable;
import com.contactsync.config.SqlIdentifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Rewrites the contacts of the given profiles in the source table in one transaction: the rows are
 * locked, each document goes through a {@link ContactsDocumentEraser}, changed ones are updated
 * (only the contacts column), and everything commits together or not at all.
 */
final class SourceEraser {

    /** What the source transaction did. */
    record Outcome(int profilesRead, int profilesChanged, int entriesRemoved, int mentionsCut, List<Long> needReview) {}

    private static final int IDS_PER_STATEMENT = 1_000;
    /** How the contacts column takes the new text, by its SQL type; other types are refused. */
    private static final Map<String, String> PARAMETER_BY_TYPE = Map.of(
            "jsonb", "CAST(? AS jsonb)", "json", "CAST(? AS json)", "text", "?", "character varying", "?");

    private final JdbcEndpoint source;
    private final SqlIdentifier table;
    private final SqlIdentifier idColumn;
    private final SqlIdentifier contactsColumn;
    private final SqlIdentifier countryColumn;

    SourceEraser(JdbcEndpoint source, ProfileTable profile) {
        this.source = source;
        this.table = profile.table();
        this.idColumn = profile.idColumn();
        this.contactsColumn = profile.contactsColumn();
        this.countryColumn = profile.countryColumn();
    }

    /** Erases from the profiles {@code ids}; with {@code dryRun} the transaction is rolled back. */
    Outcome erase(long[] ids, ContactsDocumentEraser eraser, boolean dryRun) throws SQLException {
        String select = "SELECT " + idColumn.quoted() + ", " + contactsColumn.quoted() + "::text, "
                + (countryColumn == null ? "NULL" : countryColumn.quoted() + "::text") + " FROM " + table.quoted()
                + " WHERE " + idColumn.quoted() + " = ANY(?) ORDER BY " + idColumn.quoted() + " FOR UPDATE";
        try (Connection c = source.connect()) {
            c.setAutoCommit(false);
            try {
                try (Statement s = c.createStatement()) {
                    // Wait for the monolith's own writes of these rows, but not forever.
                    s.execute("SET LOCAL lock_timeout = '10s'");
                }
                String update = "UPDATE " + table.quoted() + " SET " + contactsColumn.quoted() + " = "
                        + parameterFor(c) + " WHERE " + idColumn.quoted() + " = ?";
                int read = 0;
                int changed = 0;
                int entries = 0;
                int mentions = 0;
                List<Long> review = new ArrayList<>();
                try (PreparedStatement query = c.prepareStatement(select); PreparedStatement write = c.prepareStatement(update)) {
                    for (int from = 0; from < ids.length; from += IDS_PER_STATEMENT) {
                        long[] chunk = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + IDS_PER_STATEMENT));
                        query.setArray(1, c.createArrayOf("bigint", Arrays.stream(chunk).boxed().toArray()));
                        try (ResultSet rs = query.executeQuery()) {
                            while (rs.next()) {
                                read++;
                                ErasedDocument doc = eraser.erase(rs.getLong(1), rs.getString(2), rs.getString(3));
                                entries += doc.entriesRemoved();
                                mentions += doc.mentionsCut();
                                if (doc.remains()) {
                                    review.add(rs.getLong(1));
                                }
                                if (doc.changed()) {
                                    changed++;
                                    write.setString(1, doc.text());
                                    write.setLong(2, rs.getLong(1));
                                    write.addBatch();
                                }
                            }
                        }
                        write.executeBatch();
                    }
                }
                if (dryRun) {
                    c.rollback();
                } else {
                    c.commit();
                }
                return new Outcome(read, changed, entries, mentions, review);
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    private String parameterFor(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT format_type(atttypid, NULL) FROM pg_attribute"
                + " WHERE attrelid = CAST(? AS regclass) AND attname = ? AND NOT attisdropped")) {
            s.setString(1, table.quoted());
            s.setString(2, contactsColumn.toString());
            try (ResultSet rs = s.executeQuery()) {
                String type = rs.next() ? rs.getString(1) : null;
                String parameter = PARAMETER_BY_TYPE.get(type);
                if (parameter == null) {
                    throw new IllegalStateException("the contacts column " + contactsColumn + " of " + table + " is of type "
                            + type + "; erase can rewrite jsonb, json, text or varchar");
                }
                return parameter;
            }
        }
    }
}
