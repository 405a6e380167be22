package com.contactsync.cli;

import com.contactsync.config.JobConfig;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** The planner's estimate of the profile table's rows: cheap on any size, good enough for an ETA. */
final class SourceTableSize {

    private SourceTableSize() {}

    static long estimate(JobConfig config) throws SQLException {
        try (Connection c = config.source().connect();
                PreparedStatement s = c.prepareStatement("SELECT reltuples::bigint FROM pg_class WHERE oid = ?::regclass")) {
            s.setString(1, config.profileTable().table().quoted());
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Math.max(0, rs.getLong(1)) : 0;
            }
        }
    }
}
