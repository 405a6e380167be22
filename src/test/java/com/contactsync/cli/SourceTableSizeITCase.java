package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.embedded.PostgresExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;

/** The progress line's total on tables nobody analyzed: the planner's page-based estimate, or an exact count. */
class SourceTableSizeITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void aLargeTableNeverAnalyzedIsEstimatedFromItsPages() throws Exception {
        JdbcEndpoint db = POSTGRES.newDatabase();
        int rows = 400_000;
        fill(db, rows);
        assertThat(reltuples(db)).as("the table was never analyzed").isEqualTo(-1);

        long estimate = SourceTableSize.estimate(config(db));

        assertThat(estimate).as("estimate of %,d rows", rows).isBetween(rows / 2L, rows * 2L);
    }

    @Test
    void aSmallTableIsCountedExactly() throws Exception {
        JdbcEndpoint db = POSTGRES.newDatabase();
        fill(db, 1_234);
        assertThat(reltuples(db)).as("the table was never analyzed").isEqualTo(-1);

        assertThat(SourceTableSize.estimate(config(db))).isEqualTo(1_234);
    }

    @Test
    void anEmptyTableHasNoRows() throws Exception {
        JdbcEndpoint db = POSTGRES.newDatabase();
        fill(db, 0);
        assertThat(SourceTableSize.estimate(config(db))).isZero();
    }

    private static void fill(JdbcEndpoint db, int rows) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            // Autovacuum must not analyze it behind the test's back.
            s.execute("CREATE TABLE profile (id bigint PRIMARY KEY, contacts jsonb, country text) WITH (autovacuum_enabled = false)");
            s.execute("INSERT INTO profile SELECT g, jsonb_build_object('emails', jsonb_build_array('user' || g || '@example.com')), 'US'"
                    + " FROM generate_series(1, " + rows + ") g");
        }
    }

    private static long reltuples(JdbcEndpoint db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT reltuples::bigint FROM pg_class WHERE oid = 'profile'::regclass")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static JobConfig config(JdbcEndpoint db) {
        return ConfigLoader.fromMap(Map.of("source.jdbc-url", db.url(), "source.user", db.user(),
                "source.password-env", db.passwordEnv()));
    }
}
