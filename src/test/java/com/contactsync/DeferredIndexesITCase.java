package com.contactsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.job.ContactSyncJob;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.sink.SecondaryIndexes;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.List;

/**
 * A backfill into empty tables writes them with their primary keys only and ends with every
 * secondary index built and valid (sink.deferred-indexes), the tables exactly what the source says.
 */
class DeferredIndexesITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

    @Test
    void aBackfillIntoEmptyTablesEndsWithEverySecondaryIndexBuilt() throws Exception {
        JdbcEndpoint db = POSTGRES.newDatabase();
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(11, GeneratorSettings.defaults()), 3_000, IdLayout.sparse(11, 0.2, 100_000));
        JobConfig config = PipelineRun.config(db, 500);
        ContactSyncJob.prepareTarget(config);
        assertThat(SecondaryIndexes.missing(db)).as("dropped before the backfill writes")
                .containsExactlyElementsOf(SecondaryIndexes.CATALOG);

        PipelineRun.backfill(config, PipelineRun.productionSink(config), Duration.ofMinutes(3));

        assertThat(SecondaryIndexes.missing(db)).as("secondary indexes absent or invalid at the job's end").isEmpty();
        List<String> expected = ExpectedTables.expected(db, new ContactNormalizer(NormalizerSettings.defaults()));
        assertThat(expected).hasSizeGreaterThan(3_000);
        assertThat(ExpectedTables.actual(db)).containsExactlyElementsOf(expected);
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM pg_prepared_xacts")).isZero();
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM pg_index i JOIN pg_class c ON c.oid = i.indexrelid"
                + " WHERE c.relname = 'contact_quality_issue_unmapped_idx' AND i.indisvalid")).isEqualTo(1);
    }
}
