package com.contactsync.runstate;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.sink.TargetSchema;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;

/** What an earlier run left in a real target database. */
class TargetFootprintITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void aTargetWithoutOurTablesIsEmpty() throws Exception {
        TargetFootprint footprint = TargetFootprint.read(POSTGRES.newDatabase());
        assertThat(footprint.isEmpty()).isTrue();
        assertThat(footprint.describe()).startsWith("no rows in profile_email");
    }

    @Test
    void migratedButUnusedTablesAreEmpty() throws Exception {
        JdbcEndpoint target = POSTGRES.newDatabase();
        TargetSchema.migrate(target);
        assertThat(TargetFootprint.read(target).isEmpty()).isTrue();
    }

    @Test
    void rowsAndBookedRunsAreAnEarlierRun() throws Exception {
        JdbcEndpoint target = POSTGRES.newDatabase();
        TargetSchema.migrate(target);
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO profile_phone (profile_id, phone, phone_raw, is_valid, position) VALUES (1, '+4930123456', '030 123456', true, 0)");
        }
        assertThat(TargetFootprint.read(target).tablesWithRows()).containsExactly("profile_phone");

        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("INSERT INTO contactsync_run (run_id, mode, status) VALUES (gen_random_uuid(), 'both', 'RUNNING')");
        }
        TargetFootprint footprint = TargetFootprint.read(target);
        assertThat(footprint.isEmpty()).isFalse();
        assertThat(footprint.bookedRuns()).isEqualTo(1);
        assertThat(footprint.lastRunStartedAt()).isNotNull();
        assertThat(footprint.describe()).contains("rows in profile_phone; 1 run(s) booked in contactsync_run, the last started ");
    }
}
