package com.contactsync.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.ExpectedTables;
import com.contactsync.PipelineRun;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;

import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * An upgrade in the middle of a backfill: the job is stopped with a savepoint and restored into a
 * changed job — parallelism 1 → 2, a stricter quality rule, no throttle, one more operator — which
 * finishes the backfill. Finished splits and the emitted part of the split being read are not
 * read again, every profile read after the restore follows the new rule, and the tables are exact.
 */
class BackfillUpgradeITCase {

    private static final int PROFILES = 4_000;
    private static final long SPLIT_ROWS = 250;
    /** Slow enough that the savepoint lands long before the end, at parallelism 1. */
    private static final String ROWS_PER_SECOND = "400";
    /** Stop once four splits are done and the fifth is half read. */
    private static final long STOP_AFTER_ROWS = 4 * SPLIT_ROWS + SPLIT_ROWS / 2;
    /** The new quality rule: at most two entries per kind (CONTACTS_TRUNCATED beyond). */
    private static final String NEW_MAX_ENTRIES = "2";
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = UpgradeRun.miniCluster();

    @TempDir
    Path savepoints;

    @Test
    void midBackfillSavepointRestoresIntoAChangedJobAtParallelism2AndFinishesExact() throws Exception {
        JdbcEndpoint db = profiles();
        JobConfig before = ConfigLoader.fromMap(settings(db, Map.of(
                "job.parallelism", "1", "backfill.max-rows-per-second", ROWS_PER_SECOND)));
        JobConfig after = ConfigLoader.fromMap(settings(db, Map.of(
                "job.parallelism", "2", "backfill.max-rows-per-second", "0", "normalize.max-entries-per-kind", NEW_MAX_ENTRIES)));

        JobClient first = UpgradeRun.start(before, null);
        UpgradeRun.awaitWhileRunning(first, () -> JobMetrics.sum(first.getJobID(), "profilesRead") >= STOP_AFTER_ROWS,
                TIMEOUT, STOP_AFTER_ROWS + " profiles read");
        String savepoint = UpgradeRun.stopWithSavepoint(first, savepoints, TIMEOUT);
        long readBefore = JobMetrics.sum(first.getJobID(), "profilesRead");
        assertThat(readBefore).as("profiles read before the savepoint").isBetween(STOP_AFTER_ROWS, PROFILES - 4 * SPLIT_ROWS);
        RowsByProfile atSavepoint = RowsByProfile.of(ExpectedTables.actual(db));
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM pg_prepared_xacts")).as("prepared transactions at the savepoint").isZero();

        JobClient restored = UpgradeRun.submit(after, null, savepoint, BackfillUpgradeITCase::addOperatorWithNewUid);
        UpgradeRun.awaitRunning(restored, TIMEOUT);
        UpgradeRun.awaitFinished(restored, TIMEOUT);
        long readAfter = JobMetrics.sum(restored.getJobID(), "profilesRead");

        // Every row read exactly once over both jobs (the counters include re-reads after any restart).
        assertThat(readBefore + readAfter).as("profiles read before + after the restore").isEqualTo(PROFILES);

        RowsByProfile oldRule = RowsByProfile.of(ExpectedTables.expected(db, new ContactNormalizer(NormalizerSettings.from(before))));
        RowsByProfile newRule = RowsByProfile.of(ExpectedTables.expected(db, new ContactNormalizer(NormalizerSettings.from(after))));
        // The savepoint committed whole profiles under the old rule.
        for (long id : atSavepoint.profiles()) {
            assertThat(atSavepoint.of(id)).as("rows of profile %d at the savepoint", id).isEqualTo(oldRule.of(id));
        }
        // A profile the new rule changes has rows under the old one, so the tables at the savepoint
        // tell exactly which of those were processed before it.
        Set<Long> changedByRule = changedProfiles(oldRule, newRule);
        for (long id : changedByRule) {
            assertThat(oldRule.of(id)).as("old-rule rows of profile %d, which the new rule changes", id).isNotEmpty();
        }
        List<String> expected = new ArrayList<>(oldRule.lines(id -> atSavepoint.profiles().contains(id)));
        expected.addAll(newRule.lines(id -> !atSavepoint.profiles().contains(id)));
        Collections.sort(expected);
        assertThat(ExpectedTables.actual(db)).containsExactlyElementsOf(expected);
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM pg_prepared_xacts")).as("prepared transactions left").isZero();

        // Both sides were exercised: processed before the savepoint and never read again (still the
        // old rule), and read after the restore under the new rule.
        assertThat(changedByRule).as("profiles the new rule changes").hasSizeGreaterThan(PROFILES / 10);
        assertThat(changedByRule.stream().filter(atSavepoint.profiles()::contains).count())
                .as("changed profiles kept from before the savepoint").isGreaterThan(50);
        assertThat(changedByRule.stream().filter(id -> !atSavepoint.profiles().contains(id)).count())
                .as("changed profiles read after the restore").isGreaterThan(50);
    }

    private static Set<Long> changedProfiles(RowsByProfile a, RowsByProfile b) {
        Set<Long> ids = new TreeSet<>(a.profiles());
        ids.addAll(b.profiles());
        ids.removeIf(id -> a.of(id).equals(b.of(id)));
        return ids;
    }

    private static JdbcEndpoint profiles() throws Exception {
        JdbcEndpoint db = POSTGRES.newDatabase();
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(11, GeneratorSettings.defaults()), PROFILES, IdLayout.dense());
        return db;
    }

    private static Map<String, String> settings(JdbcEndpoint db, Map<String, String> overrides) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.jdbc-url", db.url());
        settings.put("source.user", db.user());
        settings.put("source.password-env", db.passwordEnv());
        settings.put("source.country-column", "country");
        settings.put("backfill.split-rows", String.valueOf(SPLIT_ROWS));
        settings.put("backfill.page-rows", "50");
        settings.put("job.checkpoint-interval", "300ms");
        settings.putAll(overrides);
        return settings;
    }

    /** The upgrade brings an operator the savepoint does not know: it must start with empty state. */
    private static void addOperatorWithNewUid(StreamExecutionEnvironment env) {
        env.fromData(1L, 2L, 3L).uid("upgrade-test-new-source").name("new source")
                .keyBy(value -> value, Types.LONG)
                .process(new CountPerKey()).uid("upgrade-test-new-operator").name("new operator")
                .sinkTo(new DiscardingSink<>()).uid("upgrade-test-new-sink").name("new sink");
    }

    /** A stateful operator that is new in the upgraded job. */
    static final class CountPerKey extends KeyedProcessFunction<Long, Long, Long> {

        private static final ValueStateDescriptor<Long> SEEN = new ValueStateDescriptor<>("seen", Types.LONG);

        @Override
        public void processElement(Long value, Context ctx, Collector<Long> out) throws Exception {
            ValueState<Long> seen = getRuntimeContext().getState(SEEN);
            long count = seen.value() == null ? 1 : seen.value() + 1;
            seen.update(count);
            out.collect(count);
        }
    }
}
