package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.source.backfill.PlannedRows;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * How many profiles the backfill will read, cheaply on any size: the planner's row estimate, which
 * on a table never analyzed (reltuples = -1) comes from the relation's actual pages, and an exact
 * count when the estimate is small enough for one to cost next to nothing.
 */
final class SourceTableSize {

    /** Below this estimate an exact count(*) (an index-only or small sequential scan) is cheaper than a wrong ETA. */
    static final long EXACT_BELOW = 200_000;

    private SourceTableSize() {}

    static long estimate(JobConfig config) throws SQLException {
        try (Connection c = config.source().connect()) {
            long planned = PlannedRows.of(c, config.profileTable().table());
            if (planned >= EXACT_BELOW) {
                return planned;
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT count(*) FROM " + config.profileTable().table().quoted())) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
