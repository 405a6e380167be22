package com.contactsync.verify;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Which profile ids a sampled check looks at: those whose seeded hash falls below the fraction.
 * It is decided in SQL, so unsampled rows are never transferred, and per id, so the same seed picks
 * the same profiles in the source and the target, whatever the threads and pages.
 */
final class Sampling {

    private final double fraction;
    private final long seed;

    Sampling(double fraction, long seed) {
        this.fraction = fraction;
        this.seed = seed;
    }

    boolean all() {
        return fraction >= 1.0;
    }

    /** A predicate on the quoted id column with two parameters (see {@link #bind}), or "" for all. */
    String predicate(String idColumn) {
        return all() ? "" : " AND (hashint8extended(" + idColumn + ", ?) & 9223372036854775807) < ?";
    }

    /** Binds the predicate's parameters from {@code index}; returns the next free index. */
    int bind(PreparedStatement statement, int index) throws SQLException {
        if (all()) {
            return index;
        }
        statement.setLong(index, seed);
        statement.setLong(index + 1, (long) (fraction * Long.MAX_VALUE));
        return index + 2;
    }
}
