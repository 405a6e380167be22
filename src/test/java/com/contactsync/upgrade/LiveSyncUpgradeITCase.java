package com.contactsync.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.source.change.LiveSettings;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.ExpectedTables;
import com.contactsync.PipelineRun;
import com.contactsync.job.ContactSyncJob;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.EmbeddedStack;
import com.contactsync.embedded.LiveTrafficSimulator;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.source.change.TopicDrain;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * An upgrade in the middle of live sync (mode both, on the embedded stack: PostgreSQL, Kafka,
 * Debezium): while profiles change, the job is stopped with a savepoint mid-backfill; profiles
 * keep changing while it is down; the job is restored at parallelism 2, finishes the backfill,
 * catches up on the change topic from its checkpointed offsets and the tables come out exact.
 */
class LiveSyncUpgradeITCase {

    private static final int PROFILES = 3_000;
    private static final long SPLIT_ROWS = 250;
    private static final long STOP_AFTER_ROWS = 4 * SPLIT_ROWS + SPLIT_ROWS / 2;
    private static final long STOP_AFTER_CHANGES = 20;
    private static final double CHANGES_PER_SECOND = 50;
    private static final Duration DOWNTIME = Duration.ofMillis(1_500);
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final MiniClusterExtension FLINK = UpgradeRun.miniCluster();

    private static EmbeddedStack stack;

    @TempDir
    Path savepoints;

    @BeforeAll
    static void startStack() {
        stack = EmbeddedStack.start(LiveSyncUpgradeITCase::profiles, 2);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void midLiveSyncSavepointRestoresAtParallelism2AndConvergesExactly() throws Exception {
        JobConfig before = config(Map.of("job.parallelism", "1", "backfill.max-rows-per-second", "300"));
        JobConfig after = config(Map.of("job.parallelism", "2"));
        JdbcEndpoint db = stack.endpoint();

        JobClient first = UpgradeRun.start(before, ContactSyncJob.changesFrom(before));
        try (LiveTrafficSimulator traffic = LiveTrafficSimulator.builder(db).changesPerSecond(CHANGES_PER_SECOND).seed(5).start()) {
            UpgradeRun.awaitWhileRunning(first, () -> JobMetrics.sum(first.getJobID(), "profilesRead") >= STOP_AFTER_ROWS
                            && JobMetrics.sum(first.getJobID(), "changeEvents") >= STOP_AFTER_CHANGES,
                    TIMEOUT, STOP_AFTER_ROWS + " profiles read and " + STOP_AFTER_CHANGES + " change events");
            String savepoint = UpgradeRun.stopWithSavepoint(first, savepoints, TIMEOUT);
            long readBefore = JobMetrics.sum(first.getJobID(), "profilesRead");
            assertThat(readBefore).as("profiles read before the savepoint").isLessThan(PROFILES - 2 * SPLIT_ROWS);

            long changesAtSavepoint = traffic.changesMade();
            Thread.sleep(DOWNTIME.toMillis());
            assertThat(traffic.changesMade()).as("changes made while the job was down").isGreaterThan(changesAtSavepoint);

            // As main does on every start: the coverage round trip; a restored job keeps its checkpointed offsets.
            JobClient restored = UpgradeRun.submit(after, ContactSyncJob.changesFrom(after), savepoint, env -> {});
            UpgradeRun.awaitRunning(restored, TIMEOUT);
            UpgradeRun.awaitWhileRunning(restored, () -> JobMetrics.backfillDone(restored.getJobID()) == 1, TIMEOUT, "backfill done");
            traffic.stop();
            TopicDrain.await(after.source(), LiveSettings.from(after), ChangeParserSettings.from(after), TIMEOUT);

            assertThat(readBefore + JobMetrics.sum(restored.getJobID(), "profilesRead"))
                    .as("backfill rows read before + after the restore").isLessThanOrEqualTo(PROFILES);
            assertThat(JobMetrics.sum(restored.getJobID(), "changeEvents")).as("change events applied after the restore").isPositive();
            assertThat(ExpectedTables.actual(db))
                    .containsExactlyElementsOf(ExpectedTables.expected(db, new ContactNormalizer(NormalizerSettings.from(after))));
            assertThat(PipelineRun.count(db, "SELECT count(*) FROM contactsync_dead_letter")).as("dead letters").isZero();
            restored.cancel().get();
        }
    }

    private static void profiles(JdbcEndpoint db) {
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(13, GeneratorSettings.defaults()), PROFILES, IdLayout.dense());
    }

    private static JobConfig config(Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>(stack.jobSettings());
        settings.put("source.country-column", "country");
        settings.put("backfill.split-rows", String.valueOf(SPLIT_ROWS));
        settings.put("backfill.page-rows", "50");
        settings.put("job.checkpoint-interval", "300ms");
        settings.putAll(overrides);
        return ConfigLoader.fromMap(settings);
    }
}
