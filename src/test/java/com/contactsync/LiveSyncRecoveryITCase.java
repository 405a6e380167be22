package com.contactsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.sink.ExactlyOnceProfileSink;
import com.contactsync.sink.FaultInjectingSink;
import com.contactsync.sink.FaultInjectingSink.Fault;

import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * Failures while the backfill and the live sync run together, under live traffic: each run ends
 * with tables equal to the source (nothing lost, nothing duplicated) and no prepared transaction.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LiveSyncRecoveryITCase {

    private static final int PROFILES = 10_000;
    private static final int TOASTED = 10;
    private static final long CHANGES = 2_000;
    /** Per reader: the backfill of ~10,000 rows by 2 readers lasts about 5 s. */
    private static final double BACKFILL_ROWS_PER_SECOND = 1_000;
    private static final double TRAFFIC_RATE = 600;
    private static final long TOAST_EDIT_PAUSE_MILLIS = 50;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);
    /** The sink's sessions say so (PostgresXaDataSource). */
    private static final String SINK_APPLICATION = "contactsync-sink";
    private static final String TERMINATE_SINK_SESSIONS = "SELECT count(*) FILTER (WHERE pg_terminate_backend(pid))"
            + " FROM pg_stat_activity WHERE application_name = '" + SINK_APPLICATION + "'";

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineRun.liveMiniCluster();

    @Test
    void injectedSinkFailureDuringBackfillAndLiveSyncRestartsFromTheCheckpointExactly(@InjectMiniCluster MiniCluster cluster)
            throws Exception {
        String runId = UUID.randomUUID().toString();
        try (LiveRun run = LiveRun.prepare(cluster, 101, PROFILES, TOASTED, BACKFILL_ROWS_PER_SECOND)) {
            run.submit(config -> new FaultInjectingSink(
                            ExactlyOnceProfileSink.create(config.target()), Fault.FAIL_WHILE_WRITING, runId, PROFILES / 5))
                    .startTraffic(TRAFFIC_RATE, TOAST_EDIT_PAUSE_MILLIS);

            run.awaitBackfillAndChanges(CHANGES, TIMEOUT);
            assertThat(FaultInjectingSink.fired(runId)).as("the failure was injected before the backfill ended").isTrue();
            run.stopTrafficAndDrain(TIMEOUT);
            run.job().cancel();

            assertThat(run.job().restarts()).as("restarts from the checkpoint").isPositive();
            run.assertExact(0);
            report("injected sink failure", run);
        }
    }

    @Test
    void kafkaBrokerRestartedMidRunIsSurvivedByTheCaptureAndTheJob(@InjectMiniCluster MiniCluster cluster) throws Exception {
        try (LiveRun run = LiveRun.prepare(cluster, 202, PROFILES, TOASTED, BACKFILL_ROWS_PER_SECOND)) {
            run.submit(PipelineRun::productionSink).startTraffic(TRAFFIC_RATE, TOAST_EDIT_PAUSE_MILLIS);
            awaitChanges(run, 600);
            assertThat(run.job().backfillFinished()).as("the broker stops while the backfill runs").isFalse();

            run.stack().kafka().stop();
            long madeWhileDown = run.traffic().changesMade();
            Thread.sleep(2_000);
            madeWhileDown = run.traffic().changesMade() - madeWhileDown;
            run.stack().kafka().restart();

            run.awaitBackfillAndChanges(CHANGES, TIMEOUT);
            run.stopTrafficAndDrain(TIMEOUT);
            run.job().cancel();

            assertThat(madeWhileDown).as("changes committed while the broker was down").isGreaterThan(500);
            assertThat(run.stack().capture().failure()).as("the change capture survived the broker restart").isEmpty();
            run.assertExact(0);
            report("Kafka broker restart", run);
        }
    }

    @Test
    void cutSinkConnectionsFailTheJobOverAndItEndsExact(@InjectMiniCluster MiniCluster cluster) throws Exception {
        try (LiveRun run = LiveRun.prepare(cluster, 303, PROFILES, TOASTED, BACKFILL_ROWS_PER_SECOND)) {
            run.submit(PipelineRun::productionSink).startTraffic(TRAFFIC_RATE, TOAST_EDIT_PAUSE_MILLIS);
            awaitChanges(run, 600);

            awaitWritingSinkSessions(run);
            assertThat(run.job().backfillFinished()).as("the first cut comes while the backfill runs").isFalse();
            cutSinkSessionsAndAwaitRestart(run);
            awaitWritingSinkSessions(run);
            cutSinkSessionsAndAwaitRestart(run);

            run.awaitBackfillAndChanges(CHANGES, TIMEOUT);
            run.stopTrafficAndDrain(TIMEOUT);
            run.job().cancel();

            assertThat(run.job().restarts()).as("restarts after the cuts").isGreaterThanOrEqualTo(2);
            run.assertExact(0);
            report("sink connections cut", run);
        }
    }

    private static void awaitChanges(LiveRun run, long changes) throws InterruptedException {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (run.traffic().changesMade() < changes) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("only " + run.traffic().changesMade() + " changes within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    /**
     * Waits until the sink's writers hold connections that are at least a second old: the
     * connection a writer opens at start-up to resolve orphans lives only for milliseconds, and
     * cutting it instead of the writing one would test nothing.
     */
    private static void awaitWritingSinkSessions(LiveRun run) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (run.count("SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + SINK_APPLICATION
                + "' AND backend_start < now() - interval '1 second'") == 0) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no writing sink session within " + TIMEOUT);
            }
            Thread.sleep(50);
        }
    }

    /** Terminates every sink session; the job must notice, fail over and restart. */
    private static void cutSinkSessionsAndAwaitRestart(LiveRun run) throws Exception {
        int restarts = run.job().restarts();
        assertThat(run.count(TERMINATE_SINK_SESSIONS)).as("sink sessions terminated").isPositive();
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (run.job().restarts() == restarts) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the job did not fail over within " + TIMEOUT + " after its sink connections were cut");
            }
            Thread.sleep(50);
        }
    }

    private static void report(String what, LiveRun run) throws Exception {
        System.out.printf("%s: %,d changes %s, %d restarts%n", what, run.traffic().changesMade(), run.traffic().counts(), run.job().restarts());
    }
}
