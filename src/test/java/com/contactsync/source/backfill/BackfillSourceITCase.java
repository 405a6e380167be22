package com.contactsync.source.backfill;

import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.JobManagerOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The backfill on a MiniCluster (parallelism 2, checkpoints every 200 ms) over 50,000 sparse ids
 * fails once on purpose after a completed checkpoint, restarts from it and finishes. Every row the
 * source emits is recorded in PostgreSQL with its attempt and checkpoint epoch ({@link RecordReads}).
 */
class BackfillSourceITCase {

    /** How the job fails: a reader task (readers restore, enumerator gets splits back) or the enumerator (all restore). */
    enum Failure { READER_TASK, ENUMERATOR }

    private static final int PARALLELISM = 2;
    private static final long SPLIT_ROWS = 2_000;
    private static final int PAGE_ROWS = 250;
    /** Slow enough that checkpoints complete mid-backfill, fast enough for a short test. */
    private static final double ROWS_PER_SECOND = 5_000;
    private static final long ROWS = 50_000;
    /** Fail only after a checkpoint that follows at least this many rows: three splits' worth. */
    private static final long ARM_AFTER_ROWS = 3 * SPLIT_ROWS;
    /** The small bound on rows read twice; below ARM_AFTER_ROWS. */
    private static final long MAX_REREADS = ROWS / 10;
    private static final String TABLE = "itcase_profile";
    private static final String SPARSE_IDS = "SELECT generate_series(1, 25000) UNION ALL"
            + " SELECT 1000000000000 + 7919 * generate_series(1, 24999) UNION ALL SELECT 4000000000000000";

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(PARALLELISM)
            .setConfiguration(restartOnce())
            .build());

    private static BackfillTestDatabase database;

    @BeforeAll
    static void createProfiles() throws Exception {
        database = BackfillTestDatabase.get();
        database.createProfileTable(TABLE, SPARSE_IDS);
    }

    @BeforeEach
    void createReadLog() throws Exception {
        database.execute("DROP TABLE IF EXISTS itcase_reads, itcase_restores", RecordReads.CREATE_TABLES);
    }

    private static Configuration restartOnce() {
        Configuration conf = new Configuration();
        conf.set(JobManagerOptions.EXECUTION_FAILOVER_STRATEGY, "full");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(100));
        return conf;
    }

    @ParameterizedTest
    @EnumSource(Failure.class)
    void restoreReadsEveryRowAndRereadsOnlyRowsEmittedAfterTheCheckpoint(Failure failure) throws Exception {
        runBackfillFailingOnce(failure);

        List<Long> restoredFrom = database.longs("SELECT DISTINCT checkpoint_id FROM itcase_restores WHERE attempt >= 1");
        assertThat(restoredFrom).as("the job failed once and every subtask restored the same checkpoint").hasSize(1);
        long checkpoint = restoredFrom.get(0);

        assertThat(database.count("SELECT count(*) FROM " + TABLE + " p"
                + " WHERE NOT EXISTS (SELECT 1 FROM itcase_reads r WHERE r.id = p.id)")).as("rows never read").isZero();
        assertThat(database.count("SELECT count(*) FROM itcase_reads r"
                + " WHERE NOT EXISTS (SELECT 1 FROM " + TABLE + " p WHERE p.id = r.id)")).as("reads of unknown ids").isZero();
        assertThat(database.count("SELECT count(*) FROM (SELECT id FROM itcase_reads GROUP BY id, attempt"
                + " HAVING count(*) > 1) twice")).as("ids read twice in one attempt").isZero();

        // The restored checkpoint covers every row emitted before its barrier (epoch < checkpoint);
        // only rows emitted after it may be read again. A source that restarted finished splits
        // would re-read rows of splits completed before the barrier, and one that restarted a
        // half-read split from its start would re-read that split's rows emitted before the
        // barrier: either way an id with epoch < checkpoint in attempt 0 shows up again here.
        assertThat(database.count("SELECT count(*) FROM itcase_reads later WHERE later.attempt >= 1 AND EXISTS"
                + " (SELECT 1 FROM itcase_reads first WHERE first.attempt = 0 AND first.id = later.id AND first.epoch < ?)",
                checkpoint)).as("rows re-read although the restored checkpoint had them").isZero();
        // ...and it had something to catch: before the barrier the readers had finished whole
        // splits (read one at a time, at least three splits' worth of rows).
        assertThat(database.count("SELECT count(*) FROM itcase_reads WHERE attempt = 0 AND epoch < ?", checkpoint))
                .isGreaterThanOrEqualTo(ARM_AFTER_ROWS);
        // Re-reads are at most the rows emitted between the barrier and the failure, a fraction of a
        // second's worth; a restart from scratch would re-read at least the ARM_AFTER_ROWS above.
        long reads = database.count("SELECT count(*) FROM itcase_reads");
        long emittedAfterBarrier = database.count("SELECT count(*) FROM itcase_reads WHERE attempt = 0 AND epoch >= ?", checkpoint);
        assertThat(reads - ROWS).isLessThanOrEqualTo(emittedAfterBarrier).isLessThan(MAX_REREADS);
    }

    private static void runBackfillFailingOnce(Failure failure) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(restartOnce());
        env.setParallelism(PARALLELISM);
        env.enableCheckpointing(200);
        BackfillSource backfill = new BackfillSource(database.settings(TABLE, SPLIT_ROWS, PAGE_ROWS, ROWS_PER_SECOND));
        DataStream<ProfileEvent> rows = failure == Failure.ENUMERATOR
                // Armed once the readers asked for their first splits and three more: three splits finished.
                ? env.fromSource(new EnumeratorFailingOnceSource(backfill, PARALLELISM + (int) (ARM_AFTER_ROWS / SPLIT_ROWS)),
                        WatermarkStrategy.noWatermarks(), "backfill").uid("backfill")
                : env.fromSource(backfill, WatermarkStrategy.noWatermarks(), "backfill").uid("backfill");
        DataStream<ProfileEvent> recorded = rows.map(new RecordReads(database.jdbcUrl())).uid("record-reads");
        if (failure == Failure.READER_TASK) {
            recorded = recorded.map(new FailTaskOnceAfterCheckpoint(ARM_AFTER_ROWS)).uid("fail-once");
        }
        recorded.sinkTo(new DiscardingSink<>()).uid("discard");

        IdleInTransactionProbe probe = IdleInTransactionProbe.start(database);
        try {
            env.execute("backfill restore test, failing " + failure);
        } finally {
            probe.stop();
        }
        assertThat(probe.sawBackfillSession()).as("the probe saw the backfill's sessions").isTrue();
        assertThat(probe.idleInTransactionSightings()).as("backfill sessions idle in a transaction").isZero();
    }
}
