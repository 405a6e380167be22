package com.contactsync.shapes;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.source.backfill.PlannedRows;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Reads about N profiles' contacts (and country) without scanning the table: {@code TABLESAMPLE SYSTEM (p)}
 * with p from the planner's row estimate ({@code reltuples}, or EXPLAIN's when the table was never analyzed),
 * a little over N so that N come back, of which N are kept uniformly. A table estimated at N rows or fewer is
 * read whole. Read-only transaction; identifiers validated, values bound.
 *
 * <p>Block sampling takes whole pages, so a page's neighbours come together: fine for a census of shapes.
 * A stale estimate cannot make the read unbounded: at most {@value #READ_LIMIT_FACTOR}·N rows are read.
 */
public final class ProfileSampler {

    /** Expected rows over N, so that a sample of blocks rarely falls short. */
    static final double OVERSAMPLE = 1.25;
    static final int READ_LIMIT_FACTOR = 3;

    /** One sampled profile's contacts text (as stored, any column type) and its country, both nullable. */
    public record Profile(String contacts, String country) {}

    /**
     * @param estimatedRows the planner's estimate of the table's rows
     * @param percent       the TABLESAMPLE SYSTEM percentage, or 100 when the table was read whole
     * @param read          rows that came back, before the uniform cut to N
     */
    public record Sample(List<Profile> profiles, long estimatedRows, double percent, long read) {}

    private final JdbcEndpoint source;
    private final SqlIdentifier table;
    private final String columns;

    /** @param countryColumn null when profiles have none */
    public ProfileSampler(JdbcEndpoint source, SqlIdentifier table, SqlIdentifier contactsColumn, SqlIdentifier countryColumn) {
        this.source = source;
        this.table = table;
        this.columns = contactsColumn.quoted() + "::text, " + (countryColumn == null ? "NULL::text" : countryColumn.quoted() + "::text");
    }

    public Sample sample(int size) {
        if (size <= 0) {
            throw new IllegalArgumentException("the sample must hold at least 1 profile, got " + size);
        }
        try (Connection c = source.connect()) {
            c.setAutoCommit(false); // a cursor, and a transaction to make read-only
            c.setReadOnly(true);
            try {
                long estimate = estimateRows(c);
                double percent = estimate <= size ? 100 : Math.min(100, 100 * OVERSAMPLE * size / estimate);
                Sample sample = read(c, size, estimate, percent);
                // Block sampling returns whole pages: a short draw (rows clumped in few pages, a stale
                // estimate) is drawn again at twice the share, up to the whole table.
                while (sample.profiles().size() < size && percent < 100) {
                    percent = Math.min(100, percent * 2);
                    sample = read(c, size, estimate, percent);
                }
                return sample;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not sample the contacts of " + table + " on " + source, e);
        }
    }

    private Sample read(Connection c, int size, long estimate, double percent) throws SQLException {
        String sampling = percent >= 100 ? "" : " TABLESAMPLE SYSTEM (CAST(? AS real))";
        try (PreparedStatement s = c.prepareStatement("SELECT " + columns + " FROM " + table.quoted() + sampling + " LIMIT ?")) {
            int p = 1;
            if (!sampling.isEmpty()) {
                s.setDouble(p++, percent);
            }
            s.setLong(p, (long) READ_LIMIT_FACTOR * size);
            s.setFetchSize(1_000);
            return keepUniformly(s, size, estimate, percent);
        }
    }

    /** Reservoir sampling: N rows of what came back, each equally likely, whatever their physical order. */
    private static Sample keepUniformly(PreparedStatement s, int size, long estimate, double percent) throws SQLException {
        List<Profile> kept = new ArrayList<>(Math.min(size, 100_000));
        SplittableRandom random = new SplittableRandom();
        long read = 0;
        try (ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                read++;
                if (kept.size() < size) {
                    kept.add(new Profile(rs.getString(1), rs.getString(2)));
                } else {
                    long slot = random.nextLong(read);
                    if (slot < size) {
                        kept.set((int) slot, new Profile(rs.getString(1), rs.getString(2)));
                    }
                }
            }
        }
        return new Sample(kept, estimate, percent, read);
    }

    /** The planner's estimate: reltuples once analyzed (-1 before, 0 before PostgreSQL 14), else EXPLAIN's. */
    private long estimateRows(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT reltuples::bigint FROM pg_class WHERE oid = ?::regclass")) {
            s.setString(1, table.quoted());
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && rs.getLong(1) > 0) {
                    return rs.getLong(1);
                }
            }
        }
        return PlannedRows.of(c, table);
    }
}
