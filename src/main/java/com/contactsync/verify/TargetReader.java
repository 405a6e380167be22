package com.contactsync.verify;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/** Reads the target tables: the rows of given profiles, and which profile ids hold rows at all. */
final class TargetReader {

    private static final String PROFILE_ID = ContactTable.quoted("profile_id");

    /** Every row of the given profiles in the three tables; profiles without rows are absent. */
    Map<Long, ProfileRows> rowsFor(Connection c, long[] ids) throws SQLException {
        Map<Long, ProfileRows> rows = new HashMap<>();
        java.sql.Array idArray = c.createArrayOf("bigint", ProfileSourceReader.boxed(ids));
        for (ContactTable table : ContactTable.values()) {
            try (PreparedStatement s = c.prepareStatement(table.selectForProfiles())) {
                s.setArray(1, idArray);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rows.computeIfAbsent(rs.getLong(1), id -> new ProfileRows()).add(table, table.read(rs));
                    }
                }
            }
        }
        return rows;
    }

    /** Lowest and highest profile id over the three tables (from their primary keys); null when empty. */
    long[] bounds(Connection c) throws SQLException {
        long[] bounds = null;
        for (ContactTable table : ContactTable.values()) {
            try (PreparedStatement s = c.prepareStatement("SELECT min(" + PROFILE_ID + "), max(" + PROFILE_ID + ") FROM "
                    + ContactTable.quoted(table.tableName()));
                 ResultSet rs = s.executeQuery()) {
                rs.next();
                long min = rs.getLong(1);
                if (!rs.wasNull()) {
                    long max = rs.getLong(2);
                    bounds = bounds == null ? new long[] {min, max}
                            : new long[] {Math.min(min, bounds[0]), Math.max(max, bounds[1])};
                }
            }
        }
        return bounds;
    }

    /**
     * The first {@code limit} sampled profile ids in {@code (afterId, upToId]} that hold rows in any
     * table, ascending; each table is walked on its primary key.
     */
    long[] profileIds(Connection c, long afterId, long upToId, int limit, Sampling sampling) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT id FROM (");
        ContactTable[] tables = ContactTable.values();
        for (int i = 0; i < tables.length; i++) {
            sql.append(i == 0 ? "" : " UNION ").append("(SELECT DISTINCT ").append(PROFILE_ID).append(" AS id FROM ")
                    .append(ContactTable.quoted(tables[i].tableName())).append(" WHERE ").append(PROFILE_ID)
                    .append(" > ? AND ").append(PROFILE_ID).append(" <= ?").append(sampling.predicate(PROFILE_ID))
                    .append(" ORDER BY 1 LIMIT ?)");
        }
        sql.append(") ids ORDER BY id LIMIT ?");
        try (PreparedStatement s = c.prepareStatement(sql.toString())) {
            int index = 1;
            for (int i = 0; i < tables.length; i++) {
                s.setLong(index++, afterId);
                s.setLong(index++, upToId);
                index = sampling.bind(s, index);
                s.setInt(index++, limit);
            }
            s.setInt(index, limit);
            TreeSet<Long> ids = new TreeSet<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }
}
