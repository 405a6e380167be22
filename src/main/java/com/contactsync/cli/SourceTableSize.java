package com.contactsync.cli;

import com.contactsync.config.JobConfig;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

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
        String table = config.profileTable().table().quoted();
        try (Connection c = config.source().connect(); Statement s = c.createStatement()) {
            long planned = plannedRows(s, table);
            if (planned >= EXACT_BELOW) {
                return planned;
            }
            try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    /** The planner's estimate of a full scan's rows (the identifier is validated, so it may be spliced). */
    static long plannedRows(Statement s, String quotedTable) throws SQLException {
        try (ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + quotedTable)) {
            rs.next();
            JsonNode plan = new ObjectMapper().readTree(rs.getString(1)).get(0).get("Plan");
            return Math.max(0, plan.get("Plan Rows").asLong());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new SQLException("could not read the planner's estimate of " + quotedTable, e);
        }
    }
}
