package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the backfill reads and how hard it may lean on the live database.
 *
 * @param countryColumn nullable: the profile table has no country column
 * @param splitRows rows per split; splits are cut by row count along the primary key
 * @param pageRows rows per keyset page, the most a reader holds in memory at once
 * @param maxRowsPerSecond rate limit of each reader subtask; 0 for none
 */
public record BackfillSettings(
        JdbcEndpoint endpoint,
        SqlIdentifier table,
        SqlIdentifier idColumn,
        SqlIdentifier contactsColumn,
        SqlIdentifier countryColumn,
        long splitRows,
        int pageRows,
        double maxRowsPerSecond)
        implements Serializable {

    public static final int DEFAULT_PAGE_ROWS = 2_000;
    public static final int MAX_PAGE_ROWS = 100_000;

    public BackfillSettings {
        Objects.requireNonNull(endpoint, "the backfill needs a database endpoint");
        Objects.requireNonNull(table, "the backfill needs the profile table's name");
        Objects.requireNonNull(idColumn, "the backfill needs the profile table's primary-key column");
        Objects.requireNonNull(contactsColumn, "the backfill needs the contacts column");
        if (splitRows <= 0) {
            throw new IllegalArgumentException(
                    "splitRows must be > 0 (rows per backfill split, e.g. 100000), got " + splitRows);
        }
        if (pageRows < 1 || pageRows > MAX_PAGE_ROWS) {
            throw new IllegalArgumentException("pageRows must be in 1.." + MAX_PAGE_ROWS
                    + " (rows per query; default " + DEFAULT_PAGE_ROWS + "), got " + pageRows);
        }
        if (!(maxRowsPerSecond >= 0) || Double.isInfinite(maxRowsPerSecond)) {
            throw new IllegalArgumentException(
                    "maxRowsPerSecond must be a finite number >= 0 (0 = no limit), got " + maxRowsPerSecond);
        }
    }

    /** Whether a country column is read along with the contacts. */
    public boolean hasCountryColumn() {
        return countryColumn != null;
    }
}
