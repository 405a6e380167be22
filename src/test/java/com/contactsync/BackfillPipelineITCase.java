package com.contactsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.normalize.ContactNormalizer;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

/** The whole backfill on real servers: embedded PostgreSQL and a Flink MiniCluster. */
class BackfillPipelineITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

    @Test
    void backfillOf50000MessyProfilesEqualsTheIndependentExpectation() throws Exception {
        JdbcEndpoint db = POSTGRES.newDatabase();
        ProfileTableLoader loader = new ProfileTableLoader(db, com.contactsync.config.SqlIdentifier.of("profile"), ContactsColumnType.TEXT);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(7, GeneratorSettings.defaults()), 50_000, IdLayout.sparse(7, 0.2, 1_000_000));
        JobConfig config = PipelineRun.config(db, 5_000);

        PipelineRun.backfill(config, PipelineRun.productionSink(config), Duration.ofMinutes(5));

        ContactNormalizer normalizer = new ContactNormalizer(com.contactsync.normalize.NormalizerSettings.defaults());
        List<String> expected = ExpectedTables.expected(db, normalizer);
        assertThat(expected).hasSizeGreaterThan(100_000);
        assertThat(ExpectedTables.actual(db)).containsExactlyElementsOf(expected);
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM pg_prepared_xacts")).isZero();

        // Running the whole backfill again changes nothing: every statement is idempotent.
        long tuplesBefore = PipelineRun.count(db, "SELECT sum(n_tup_upd + n_tup_del) FROM pg_stat_user_tables"
                + " WHERE relname IN ('profile_email', 'profile_phone', 'contact_quality_issue')");
        PipelineRun.backfill(config, PipelineRun.productionSink(config), Duration.ofMinutes(5));
        assertThat(ExpectedTables.actual(db)).containsExactlyElementsOf(expected);
        Thread.sleep(600); // statistics reach the cumulative views within half a second
        long tuplesAfter = PipelineRun.count(db, "SELECT sum(n_tup_upd + n_tup_del) FROM pg_stat_user_tables"
                + " WHERE relname IN ('profile_email', 'profile_phone', 'contact_quality_issue')");
        assertThat(tuplesAfter).as("rows updated or deleted by a repeated backfill").isEqualTo(tuplesBefore);
    }
}
