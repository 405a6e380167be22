package com.contactsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.source.backfill.BackfillSettings;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.source.change.LiveSettings;
import com.contactsync.config.JobConfig;
import com.contactsync.sink.ExactlyOnceProfileSink;
import com.contactsync.sink.FaultInjectingSink;
import com.contactsync.sink.FaultInjectingSink.Fault;
import com.contactsync.sink.ProfileWriteBatch;
import com.contactsync.source.backfill.BackfillSource;
import com.contactsync.source.backfill.PredicateValidator;
import com.contactsync.source.backfill.RequestPolling;
import com.contactsync.source.backfill.ResnapshotRequestTable;
import com.contactsync.source.backfill.ResnapshotSelector;
import com.contactsync.source.change.TopicDrain;

import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Re-snapshots requested at runtime while live traffic changes the source: a job that starts with
 * no initial backfill (as in mode live) idles until requests come, then reads {@code --ids},
 * {@code --where} and {@code --all} one after another under the traffic; the target, drifted on
 * purpose (rows deleted, rows of profiles the source does not have), ends exactly equal to the source.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ResnapshotLiveITCase {

    private static final int PROFILES = 10_000;
    private static final long BOGUS_ID = 4_000_050;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineRun.liveMiniCluster();

    @Test
    void runtimeRequestsDuringLiveTrafficEndExact(@InjectMiniCluster MiniCluster cluster) throws Exception {
        runRequests(cluster, 77, PipelineRun::productionSink);
    }

    /** A failure while the requests run: the job restores its checkpoint, requests and their positions with it. */
    @Test
    void requestsSurviveAFailoverMidRequest(@InjectMiniCluster MiniCluster cluster) throws Exception {
        String runId = UUID.randomUUID().toString();
        int restarts = runRequests(cluster, 78, config -> new FaultInjectingSink(
                ExactlyOnceProfileSink.create(config.target()), Fault.FAIL_WHILE_WRITING, runId, PROFILES / 3));
        assertThat(FaultInjectingSink.fired(runId)).as("the failure was injected").isTrue();
        assertThat(restarts).as("restarts from the checkpoint").isPositive();
    }

    /** Returns how often the job restarted. */
    private static int runRequests(MiniCluster cluster, long seed, Function<JobConfig, Sink<ProfileWriteBatch>> sink)
            throws Exception {
        try (LiveRun run = LiveRun.prepare(cluster, seed, PROFILES, 5, 1_500)) {
            JobConfig config = run.config();
            ResnapshotRequestTable requests = ResnapshotRequestTable.from(config);
            // The production job of mode both: its backfill source serves requests once the initial backfill is done.
            run.submit(sink).startTraffic(300, 50);
            run.awaitBackfillAndChanges(500, TIMEOUT);
            drift(run);

            long ids = requests.submit(ResnapshotSelector.ids("1-500,4000000-4000100"));
            String predicate = new PredicateValidator(BackfillSettings.from(config)).validate("country IN ('DE', 'FR')");
            long where = requests.submit(ResnapshotSelector.where(predicate));
            long all = requests.submit(ResnapshotSelector.all());
            awaitDone(requests, List.of(ids, where, all));
            awaitChanges(run, run.traffic().changesMade() + 300); // traffic goes on after the requests

            run.traffic().stop();
            run.toasted().stop();
            TopicDrain.await(config.source(), LiveSettings.from(config), ChangeParserSettings.from(config), TIMEOUT);
            int restarts = run.job().restarts();
            run.job().cancel();

            assertThat(requests.list(10)).extracting(ResnapshotRequestTable.Row::status).containsOnly("done");
            assertThat(requests.list(10)).filteredOn(r -> r.id() == all).singleElement()
                    .satisfies(r -> assertThat(r.profilesRead()).isGreaterThanOrEqualTo(PROFILES / 2));
            assertThat(run.count("SELECT count(*) FROM profile_email WHERE profile_id = " + BOGUS_ID)).isZero();
            run.assertExact(0);
            return restarts;
        }
    }

    /**
     * Rows of profiles 1..300 deleted, and rows of a profile the source never had. The job's sink
     * writes the same tables meanwhile, so PostgreSQL may pick this as a deadlock's victim: then again.
     */
    private static void drift(LiveRun run) throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                driftOnce(run);
                return;
            } catch (java.sql.SQLException e) {
                if (!"40P01".equals(e.getSQLState()) || attempt == 5) {
                    throw e;
                }
                Thread.sleep(200L * attempt);
            }
        }
    }

    private static void driftOnce(LiveRun run) throws Exception {
        try (Connection c = run.db().connect(); Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            for (String table : List.of("profile_email", "contact_quality_issue")) {
                s.execute("CREATE TEMP TABLE bogus AS SELECT * FROM " + table + " LIMIT 1");
                s.execute("UPDATE bogus SET profile_id = " + BOGUS_ID);
                s.execute("INSERT INTO " + table + " SELECT * FROM bogus");
                s.execute("DROP TABLE bogus");
            }
            s.execute("DELETE FROM profile_email WHERE profile_id BETWEEN 1 AND 300");
            s.execute("DELETE FROM profile_phone WHERE profile_id BETWEEN 1 AND 300");
            c.commit();
        }
    }

    private static void awaitChanges(LiveRun run, long changes) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (run.traffic().changesMade() < changes) {
            assertThat(System.nanoTime()).as("%d changes made", changes).isLessThan(deadline);
            run.job().restarts(); // throws if the job failed
            Thread.sleep(100);
        }
    }

    private static void awaitDone(ResnapshotRequestTable requests, List<Long> ids) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (true) {
            List<ResnapshotRequestTable.Row> rows = requests.list(100);
            if (rows.stream().filter(r -> ids.contains(r.id())).allMatch(r -> r.status().equals("done"))) {
                return;
            }
            assertThat(System.nanoTime()).as("requests done: %s", rows).isLessThan(deadline);
            Thread.sleep(200);
        }
    }
}
