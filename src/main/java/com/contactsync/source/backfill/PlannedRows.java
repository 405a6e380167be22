package com.contactsync.source.backfill;

import com.contactsync.config.SqlIdentifier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The planner's estimate of a full scan's rows: on a table never analyzed (reltuples = -1) it is
 * computed from the relation's actual pages, so it is usable before any ANALYZE.
 */
public final class PlannedRows {

    private static final ObjectMapper JSON = new ObjectMapper();

    private PlannedRows() {}

    /** The identifier is validated, so it may be spliced. */
    public static long of(Connection c, SqlIdentifier table) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("EXPLAIN (FORMAT JSON) SELECT 1 FROM " + table.quoted())) {
            rs.next();
            return Math.max(0, JSON.readTree(rs.getString(1)).path(0).path("Plan").path("Plan Rows").asLong());
        } catch (JsonProcessingException e) {
            throw new SQLException("could not read the planner's estimate of " + table, e);
        }
    }
}
