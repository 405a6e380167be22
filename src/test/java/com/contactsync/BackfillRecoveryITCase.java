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
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.sink.ExactlyOnceProfileSink;
import com.contactsync.sink.FaultInjectingSink;
import com.contactsync.sink.FaultInjectingSink.Fault;
import com.contactsync.sink.OrphanedTransactionResolver;
import com.contactsync.sink.PostgresXaDataSource;
import com.contactsync.sink.TargetSchema;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import javax.sql.XAConnection;
import javax.transaction.xa.XAResource;
import javax.transaction.xa.Xid;

import java.nio.ByteBuffer;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;

/** Failures mid-backfill: the job restarts from its checkpoint and the tables still come out exact. */
class BackfillRecoveryITCase {

    private static final int PROFILES = 12_000;
    /** Per reader: the backfill lasts about 3 s, long enough for checkpoints to complete before the fault. */
    private static final double ROWS_PER_SECOND = 2_000;

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

    @Test
    void failureWhileWritingRestartsFromTheCheckpointWithExactTables() throws Exception {
        JdbcEndpoint db = profiles(1);
        JobConfig config = PipelineRun.config(db, 1_000, ROWS_PER_SECOND);
        String run = UUID.randomUUID().toString();
        FaultInjectingSink sink = new FaultInjectingSink(
                ExactlyOnceProfileSink.create(config.target()), Fault.FAIL_WHILE_WRITING, run, PROFILES / 4);

        PipelineRun.backfill(config, sink, Duration.ofMinutes(3));

        assertThat(FaultInjectingSink.fired(run)).as("the failure was injected").isTrue();
        assertExact(db);
    }

    @Test
    void crashBetweenPrepareAndCommitLeavesNoPreparedTransactionAndExactTables() throws Exception {
        JdbcEndpoint db = profiles(2);
        JobConfig config = PipelineRun.config(db, 1_000, ROWS_PER_SECOND);
        String run = UUID.randomUUID().toString();
        FaultInjectingSink sink = new FaultInjectingSink(
                ExactlyOnceProfileSink.create(config.target()), Fault.CRASH_BETWEEN_PREPARE_AND_COMMIT, run, 0);

        PipelineRun.backfill(config, sink, Duration.ofMinutes(3));

        assertThat(FaultInjectingSink.fired(run)).as("the crash was injected").isTrue();
        assertExact(db);
    }

    @Test
    void orphanHoldingRowLocksFromAnEarlierRunIsResolvedBeforeWriting() throws Exception {
        JdbcEndpoint db = profiles(3);
        TargetSchema.migrate(db);
        PostgresXaDataSource xa = new PostgresXaDataSource(db);
        // An earlier attempt prepared a transaction (Flink's XID format) that wrote a stale row of
        // profile 1 and then died: the row stays locked until someone commits or rolls it back.
        XAConnection connection = xa.get().getXAConnection();
        Xid orphan = flinkXid();
        connection.getXAResource().start(orphan, XAResource.TMNOFLAGS);
        try (Statement s = connection.getConnection().createStatement()) {
            s.execute("INSERT INTO profile_email (profile_id, email, email_raw, is_valid, position)"
                    + " VALUES (1, 'stale@example.com', 'stale@example.com', true, 99)");
        }
        connection.getXAResource().end(orphan, XAResource.TMSUCCESS);
        connection.getXAResource().prepare(orphan);
        connection.close();
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM pg_prepared_xacts")).isEqualTo(1);

        JobConfig config = PipelineRun.config(db, 2_000, ROWS_PER_SECOND);
        PipelineRun.backfill(config, PipelineRun.productionSink(config), Duration.ofMinutes(3));

        assertExact(db);
        assertThat(OrphanedTransactionResolver.commitOrphans(xa.get())).isZero();
    }

    private static JdbcEndpoint profiles(long seed) throws Exception {
        JdbcEndpoint db = POSTGRES.newDatabase();
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(seed, GeneratorSettings.defaults()), PROFILES, IdLayout.dense());
        return db;
    }

    private static void assertExact(JdbcEndpoint db) throws Exception {
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM pg_prepared_xacts")).as("prepared transactions left").isZero();
        assertThat(ExpectedTables.actual(db))
                .containsExactlyElementsOf(ExpectedTables.expected(db, new ContactNormalizer(NormalizerSettings.defaults())));
    }

    /** An XID in the format flink-connector-jdbc uses (format 202: job id + subtask, then checkpoint). */
    private static Xid flinkXid() {
        byte[] gtrid = ByteBuffer.allocate(20).putLong(42).putLong(43).putInt(0).array();
        byte[] bqual = ByteBuffer.allocate(12).putInt(2).putLong(7).array();
        return new Xid() {
            @Override
            public int getFormatId() {
                return OrphanedTransactionResolver.FLINK_XID_FORMAT;
            }

            @Override
            public byte[] getGlobalTransactionId() {
                return gtrid;
            }

            @Override
            public byte[] getBranchQualifier() {
                return bqual;
            }
        };
    }
}
