package com.contactsync.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.ExpectedTables;
import com.contactsync.job.OperatorIds;
import com.contactsync.PipelineRun;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.sink.ProfileWrite;
import com.contactsync.sync.ProfileSyncState;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.util.EnvironmentInformation;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.net.URI;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The state compatibility guard: every savepoint kept from an earlier build ({@link KeptSavepoint},
 * taken mid-backfill) restores into the current job, from another location, and the job finishes
 * the backfill exactly. A change that makes old state unreadable fails here, not in production.
 */
class SavepointCompatibilityITCase {

    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = UpgradeRun.miniCluster();

    @TempDir
    Path temp;

    /**
     * Kept savepoints were taken with the heap (hashmap) backend; clusters run RocksDB
     * (conf/flink/config.yaml). A canonical savepoint restores into either.
     */
    static Stream<Arguments> keptSavepointsAndStateBackends() {
        return KeptSavepoint.all().stream().flatMap(kept -> Stream.of(Arguments.of(kept, "hashmap"), Arguments.of(kept, "rocksdb")));
    }

    @ParameterizedTest(name = "{0} into state backend {1}")
    @MethodSource("keptSavepointsAndStateBackends")
    void keptSavepointRestoresIntoTheCurrentJobAndFinishesTheBackfillExactly(KeptSavepoint original, String stateBackend)
            throws Exception {
        KeptSavepoint kept = original.copyTo(temp.resolve("relocated"));
        JdbcEndpoint db = POSTGRES.newDatabase();
        kept.createSourceTable(db);
        JobConfig config = kept.config(db, Map.of());
        Configuration backend = new Configuration();
        backend.set(StateBackendOptions.STATE_BACKEND, stateBackend);

        JobClient job = UpgradeRun.submit(config, null, kept.savepoint().toUri().toString(), env -> {}, backend);
        UpgradeRun.awaitRunning(job, TIMEOUT);
        UpgradeRun.awaitFinished(job, TIMEOUT);

        // The backfill resumed: finished splits and the emitted part of the splits being read were not read again.
        assertThat(JobMetrics.sum(job.getJobID(), "profilesRead")).as("profiles read after the restore")
                .isEqualTo(kept.profiles() - kept.profilesReadBeforeSavepoint());
        // The target database is new, so it holds exactly what the restored job wrote: every profile
        // the savepoint had not written yet, exact, and none that it had (they were not read again).
        Set<Long> writtenBefore = kept.profilesWrittenBeforeSavepoint();
        RowsByProfile expected = RowsByProfile.of(ExpectedTables.expected(db, new ContactNormalizer(NormalizerSettings.from(config))));
        assertThat(expected.profiles()).as("profiles written before the savepoint").containsAll(writtenBefore);
        assertThat(ExpectedTables.actual(db)).containsExactlyElementsOf(expected.lines(id -> !writtenBefore.contains(id)));
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM pg_prepared_xacts")).as("prepared transactions left").isZero();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.contactsync.upgrade.KeptSavepoint#all")
    void keptSyncStateRemembersTheExactWriteOfEveryProfileWrittenBeforeTheSavepoint(KeptSavepoint kept) throws Exception {
        Assumptions.assumeTrue(kept.keepsStateForBackfillRows(), kept + " keeps no state for backfill rows");
        JdbcEndpoint db = POSTGRES.newDatabase();
        kept.createSourceTable(db);
        ContactNormalizer normalizer = new ContactNormalizer(NormalizerSettings.from(kept.config(db, Map.of())));
        Map<Long, Long> fingerprints = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT id, contacts::text, country FROM profile ORDER BY id")) {
            while (rs.next()) {
                long id = rs.getLong(1);
                fingerprints.put(id, ProfileWrite.of(id, normalizer.normalize(rs.getString(2), rs.getString(3))).fingerprint());
            }
        }
        Set<Long> writtenBefore = kept.profilesWrittenBeforeSavepoint();
        Map<Long, ProfileSyncState> state = SavepointContents.load(kept.savepoint()).profileSyncState(writtenBefore).byProfile();
        for (long id : writtenBefore) {
            assertThat(state.get(id).writtenFingerprint).as("fingerprint in the state of profile %d", id)
                    .isEqualTo(fingerprints.get(id));
        }
    }

    /**
     * The max parallelism is fixed when a job first starts (128 unless set): a restore with another
     * one is accepted on submission and then fails, and nothing is written.
     */
    @Test
    void restoreWithAnotherMaxParallelismIsAcceptedAndThenFails() throws Exception {
        List<KeptSavepoint> all = KeptSavepoint.all();
        KeptSavepoint kept = all.get(all.size() - 1);
        int keptMaxParallelism = SavepointContents.load(kept.savepoint()).operator(OperatorIds.PROFILE_SYNC.uid()).getMaxParallelism();
        JdbcEndpoint db = POSTGRES.newDatabase();
        kept.createSourceTable(db);

        JobClient job = UpgradeRun.submit(kept.config(db, Map.of()), null, kept.savepoint().toUri().toString(),
                env -> env.setMaxParallelism(2 * keptMaxParallelism));
        Throwable failure = UpgradeRun.awaitFailure(job, TIMEOUT);

        assertThat(ExceptionUtils.stringifyException(failure)).contains("Max parallelism mismatch");
        assertThat(ExpectedTables.actual(db)).as("rows written by the failed restore").isEmpty();
    }

    /** Regenerates {@link KeptSavepoint#CURRENT_VERSION} with the current build; on purpose only (see KeptSavepoint). */
    @Test
    @EnabledIfSystemProperty(named = "contactsync.savepoint.regenerate", matches = "true")
    void regenerateTheKeptSavepoint() throws Exception {
        JdbcEndpoint db = POSTGRES.newDatabase();
        KeptSavepoint.createSourceTable(db, KeptSavepoint.SEED, KeptSavepoint.PROFILES);
        // Slow enough (40 rows/s per reader) that the savepoint lands mid-split with splits left to cut.
        JobConfig config = KeptSavepoint.config(db, KeptSavepoint.SPLIT_ROWS, KeptSavepoint.PAGE_ROWS, KeptSavepoint.PARALLELISM,
                Map.of("backfill.max-rows-per-second", "40"));
        JobClient job = UpgradeRun.start(config, null);
        long stopAfter = KeptSavepoint.PROFILES / 2;
        UpgradeRun.awaitWhileRunning(job, () -> JobMetrics.sum(job.getJobID(), "profilesRead") >= stopAfter,
                TIMEOUT, stopAfter + " profiles read");
        Path savepoint = Path.of(URI.create(UpgradeRun.stopWithSavepoint(job, temp, TIMEOUT)));
        long read = JobMetrics.sum(job.getJobID(), "profilesRead");
        assertThat(read).isLessThan(KeptSavepoint.PROFILES);
        // Only a savepoint with work left in every kind of state is worth keeping (KeptSavepointTest checks it too).
        SavepointContents contents = SavepointContents.load(savepoint);
        assertThat(contents.backfillEnumerator().cursor()).as("splits left to cut").isLessThan(KeptSavepoint.PROFILES);
        assertThat(contents.backfillReaderSplits()).as("a reader inside a split")
                .anyMatch(split -> split.lastEmittedId() > split.lowExclusive() && split.lastEmittedId() < split.highInclusive());

        Properties manifest = new Properties();
        manifest.setProperty("flink.version", EnvironmentInformation.getVersion());
        manifest.setProperty("created", Instant.now().toString());
        manifest.setProperty("source.profiles", String.valueOf(KeptSavepoint.PROFILES));
        manifest.setProperty("source.seed", String.valueOf(KeptSavepoint.SEED));
        manifest.setProperty("source.checksum", KeptSavepoint.sourceChecksum(db));
        manifest.setProperty("job.parallelism", String.valueOf(KeptSavepoint.PARALLELISM));
        manifest.setProperty("backfill.split-rows", String.valueOf(KeptSavepoint.SPLIT_ROWS));
        manifest.setProperty("backfill.page-rows", String.valueOf(KeptSavepoint.PAGE_ROWS));
        manifest.setProperty("profiles.read-before-savepoint", String.valueOf(read));
        manifest.setProperty("profiles.written-before-savepoint",
                IdRanges.format(RowsByProfile.of(ExpectedTables.actual(db)).profiles()));
        KeptSavepoint.write(KeptSavepoint.sourceDirectory(), savepoint, manifest);
    }
}
