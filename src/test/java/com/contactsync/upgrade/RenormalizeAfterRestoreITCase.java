package com.contactsync.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.ExpectedTables;
import com.contactsync.PipelineRun;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.EmbeddedStack;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.job.ContactSyncJob;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.source.backfill.ResnapshotRequestTable;
import com.contactsync.source.backfill.ResnapshotSelector;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.source.change.LiveSettings;
import com.contactsync.source.change.TopicDrain;
import com.contactsync.sync.ProfileSyncFunction;

import org.apache.flink.core.execution.JobClient;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * Re-normalizing after a savepoint restore with a changed setting ({@code normalize.default-region}
 * US → GB, which changes only the national phone numbers of profiles without a country): a
 * {@code --all} request brings every profile under the new rule, and the rows of profiles whose
 * rows are the same under both rules keep their tuples (same {@code xmin} and {@code ctid}: not
 * updated, not rewritten).
 */
class RenormalizeAfterRestoreITCase {

    private static final int PROFILES = 2_000;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final MiniClusterExtension FLINK = UpgradeRun.miniCluster();

    private static EmbeddedStack stack;

    @TempDir
    Path savepoints;

    @BeforeAll
    static void startStack() {
        stack = EmbeddedStack.start(RenormalizeAfterRestoreITCase::profiles, 2);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @Test
    void aFullReSnapshotAppliesTheNewRuleAndLeavesUnchangedProfilesUntouched() throws Exception {
        JobConfig us = config("US");
        JobConfig gb = config("GB");
        JdbcEndpoint db = stack.endpoint();
        ContactNormalizer usRule = new ContactNormalizer(NormalizerSettings.from(us));
        ContactNormalizer gbRule = new ContactNormalizer(NormalizerSettings.from(gb));
        Map<Long, List<String>> underUs = byProfile(ExpectedTables.expected(db, usRule));
        Map<Long, List<String>> underGb = byProfile(ExpectedTables.expected(db, gbRule));
        Set<Long> changed = underGb.keySet().stream().filter(id -> !underGb.get(id).equals(underUs.get(id)))
                .collect(Collectors.toCollection(HashSet::new));
        changed.addAll(underUs.keySet().stream().filter(id -> !underUs.get(id).equals(underGb.get(id))).toList());
        assertThat(changed).as("profiles the new default region changes").isNotEmpty().hasSizeLessThan(PROFILES / 2);

        JobClient first = UpgradeRun.start(us, ContactSyncJob.changesFrom(us));
        UpgradeRun.awaitWhileRunning(first, () -> JobMetrics.backfillDone(first.getJobID()) == 1, TIMEOUT, "backfill done");
        awaitTables(db, usRule, first);
        String savepoint = UpgradeRun.stopWithSavepoint(first, savepoints, TIMEOUT);
        Map<String, String> tuplesBefore = tuples(db);

        JobClient restored;
        long all;
        List<String> syncLog;
        try (LogLines lines = new LogLines(ProfileSyncFunction.class)) {
            restored = UpgradeRun.submit(gb, ContactSyncJob.changesFrom(gb), savepoint, env -> {});
            UpgradeRun.awaitRunning(restored, TIMEOUT);
            ResnapshotRequestTable requests = ResnapshotRequestTable.from(gb);
            long request = requests.submit(ResnapshotSelector.all());
            UpgradeRun.awaitWhileRunning(restored, () -> status(requests, request).equals(ResnapshotRequestTable.DONE),
                    TIMEOUT, "request " + request + " done");
            all = request;
            syncLog = lines.messages();
        }
        TopicDrain.await(gb.source(), LiveSettings.from(gb), ChangeParserSettings.from(gb), TIMEOUT);
        awaitTables(db, gbRule, restored);
        Map<String, String> tuplesAfter = tuples(db);
        restored.cancel().get();

        assertThat(ExpectedTables.actual(db)).as("every profile under the new rule")
                .containsExactlyElementsOf(ExpectedTables.expected(db, gbRule));
        assertThat(ResnapshotRequestTable.from(gb).find(all).orElseThrow().profilesRead()).isEqualTo(PROFILES);
        assertThat(syncLog).as("the restore says that the rules changed").anySatisfy(line -> assertThat(line)
                .contains("restored with other normalization settings", "region=US", "region=GB"));
        Map<String, String> untouchedBefore = unchangedProfiles(tuplesBefore, changed);
        assertThat(untouchedBefore).as("rows of unchanged profiles").hasSizeGreaterThan(PROFILES);
        assertThat(unchangedProfiles(tuplesAfter, changed)).as("their xmin and ctid: no tuple updated")
                .containsExactlyInAnyOrderEntriesOf(untouchedBefore);
        assertThat(filter(tuplesAfter, "e")).as("every email row kept its tuple (emails do not depend on the region)")
                .containsExactlyInAnyOrderEntriesOf(filter(tuplesBefore, "e"));
        assertThat(filter(tuplesAfter, "p")).as("the phones of changed profiles were rewritten")
                .isNotEqualTo(filter(tuplesBefore, "p"));
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM contactsync_dead_letter")).as("dead letters").isZero();
    }

    /** Waits until the tables hold what {@code rule} makes of the source: done is not yet committed. */
    private static void awaitTables(JdbcEndpoint db, ContactNormalizer rule, JobClient job) throws Exception {
        List<String> expected = ExpectedTables.expected(db, rule);
        UpgradeRun.awaitWhileRunning(job, () -> {
            try {
                return ExpectedTables.actual(db).equals(expected);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, TIMEOUT, "the tables under " + rule.settings().fingerprint());
    }

    private static String status(ResnapshotRequestTable requests, long id) {
        try {
            return requests.find(id).map(ResnapshotRequestTable.Row::status).orElse("missing");
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Expected lines by profile id (the second field of each line). */
    private static Map<Long, List<String>> byProfile(List<String> lines) {
        Map<Long, List<String>> rows = new HashMap<>();
        for (String line : lines) {
            long id = Long.parseLong(line.split("\u241F")[1]);
            rows.computeIfAbsent(id, k -> new ArrayList<>()).add(line);
        }
        return rows;
    }

    /** Every row's key ({@code table|profile|key}) with its {@code xmin} and {@code ctid}. */
    private static Map<String, String> tuples(JdbcEndpoint db) throws SQLException {
        Map<String, String> tuples = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String query : List.of(
                    "SELECT 'e', profile_id, email, xmin::text || ' ' || ctid::text FROM profile_email",
                    "SELECT 'p', profile_id, phone || '/' || extension, xmin::text || ' ' || ctid::text FROM profile_phone",
                    "SELECT 'q', profile_id, issue_no::text, xmin::text || ' ' || ctid::text FROM contact_quality_issue")) {
                try (ResultSet rs = s.executeQuery(query)) {
                    while (rs.next()) {
                        tuples.put(rs.getString(1) + "|" + rs.getLong(2) + "|" + rs.getString(3), rs.getString(4));
                    }
                }
            }
        }
        return tuples;
    }

    private static Map<String, String> unchangedProfiles(Map<String, String> tuples, Set<Long> changed) {
        return tuples.entrySet().stream()
                .filter(e -> !changed.contains(Long.parseLong(e.getKey().split("\\|")[1])))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static Map<String, String> filter(Map<String, String> tuples, String table) {
        return tuples.entrySet().stream().filter(e -> e.getKey().startsWith(table + "|"))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    private static void profiles(JdbcEndpoint db) {
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(17, GeneratorSettings.defaults()), PROFILES, IdLayout.dense());
    }

    private static JobConfig config(String defaultRegion) {
        Map<String, String> settings = new LinkedHashMap<>(stack.jobSettings());
        settings.put("source.country-column", "country");
        settings.put("normalize.default-region", defaultRegion);
        settings.put("job.parallelism", "2");
        settings.put("backfill.split-rows", "500");
        settings.put("backfill.page-rows", "100");
        settings.put("job.checkpoint-interval", "300ms");
        return ConfigLoader.fromMap(settings);
    }
}
