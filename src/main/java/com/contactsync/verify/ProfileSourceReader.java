package com.contactsync.verify;

import com.contactsync.config.ProfileTable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Reads profiles from the source table: keyset pages of an id range, or given ids. */
final class ProfileSourceReader {

    private final String table;
    private final String id;
    private final String columns;

    ProfileSourceReader(ProfileTable profile) {
        this.table = profile.table().quoted();
        this.id = profile.idColumn().quoted();
        this.columns = id + ", " + profile.contactsColumn().quoted() + "::text, "
                + (profile.hasCountryColumn() ? profile.countryColumn().quoted() + "::text" : "NULL::text");
    }

    /** Lowest and highest id, from the primary-key index; null when the table is empty. */
    long[] bounds(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT min(" + id + "), max(" + id + ") FROM " + table);
             ResultSet rs = s.executeQuery()) {
            rs.next();
            long min = rs.getLong(1);
            return rs.wasNull() ? null : new long[] {min, rs.getLong(2)};
        }
    }

    /** Up to {@code limit} sampled profiles with {@code afterId < id <= upToId}, in id order. */
    List<SourceRow> page(Connection c, long afterId, long upToId, int limit, Sampling sampling) throws SQLException {
        String sql = "SELECT " + columns + " FROM " + table + " WHERE " + id + " > ? AND " + id + " <= ?"
                + sampling.predicate(id) + " ORDER BY " + id + " LIMIT ?";
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setLong(1, afterId);
            s.setLong(2, upToId);
            s.setInt(sampling.bind(s, 3), limit);
            List<SourceRow> rows = new ArrayList<>(Math.min(limit, 10_000));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SourceRow(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        }
    }

    /** The profiles among {@code ids} that exist, by id. */
    Map<Long, SourceRow> byIds(Connection c, long[] ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT " + columns + " FROM " + table + " WHERE " + id + " = ANY(?)")) {
            s.setArray(1, c.createArrayOf("bigint", boxed(ids)));
            Map<Long, SourceRow> rows = new HashMap<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows.put(rs.getLong(1), new SourceRow(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return rows;
        }
    }

    /** Which of {@code ids} exist in the source (without reading their contacts). */
    List<Long> existing(Connection c, long[] ids) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT " + id + " FROM " + table + " WHERE " + id + " = ANY(?)")) {
            s.setArray(1, c.createArrayOf("bigint", boxed(ids)));
            List<Long> found = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    found.add(rs.getLong(1));
                }
            }
            return found;
        }
    }

    static Long[] boxed(long[] ids) {
        Long[] boxed = new Long[ids.length];
        for (int i = 0; i < ids.length; i++) {
            boxed[i] = ids[i];
        }
        return boxed;
    }
}
