package com.contactsync.source.backfill;

import static com.contactsync.config.ContactSyncOptions.BACKFILL_MAX_ROWS_PER_SECOND;
import static com.contactsync.config.ContactSyncOptions.BACKFILL_PAGE_ROWS;
import static com.contactsync.config.ContactSyncOptions.BACKFILL_SPLIT_ROWS;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.ProfileTable;

import java.io.Serializable;
import java.util.Objects;

/**
 * What the backfill reads and how hard it may lean on the live database.
 *
 * @param splitRows rows per split; splits are cut by row count along the primary key
 * @param pageRows rows per keyset page, the most a reader holds in memory at once
 * @param maxRowsPerSecond rate limit of each reader subtask; 0 for none
 */
public record BackfillSettings(
        JdbcEndpoint endpoint, ProfileTable profileTable, long splitRows, int pageRows, double maxRowsPerSecond)
        implements Serializable {

    public static final int MAX_PAGE_ROWS = 100_000;

    public BackfillSettings {
        Objects.requireNonNull(endpoint, "the backfill needs a database endpoint");
        Objects.requireNonNull(profileTable, "the backfill needs the profile table");
        if (splitRows <= 0) {
            throw new IllegalArgumentException(
                    "splitRows must be > 0 (rows per backfill split, e.g. 100000), got " + splitRows);
        }
        if (pageRows < 1 || pageRows > MAX_PAGE_ROWS) {
            throw new IllegalArgumentException("pageRows must be in 1.." + MAX_PAGE_ROWS
                    + " (rows per query; default " + BACKFILL_PAGE_ROWS.defaultValue() + "), got " + pageRows);
        }
        if (!(maxRowsPerSecond >= 0) || Double.isInfinite(maxRowsPerSecond)) {
            throw new IllegalArgumentException(
                    "maxRowsPerSecond must be a finite number >= 0 (0 = no limit), got " + maxRowsPerSecond);
        }
    }

    /** The backfill of the job's source database, as configured. */
    public static BackfillSettings from(JobConfig config) {
        return new BackfillSettings(config.source(), config.profileTable(), config.get(BACKFILL_SPLIT_ROWS),
                config.get(BACKFILL_PAGE_ROWS), config.get(BACKFILL_MAX_ROWS_PER_SECOND));
    }
}
