package com.contactsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.cli.CliRun;
import com.contactsync.source.backfill.ResnapshotRequestTable;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.source.change.LiveSettings;
import com.contactsync.source.change.TopicDrain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * {@code ./contactsync verify --repair} against a job running in mode both under live traffic: the
 * target drifted on purpose (email rows deleted, a phone altered, rows of a profile the source never
 * had) is found, re-snapshot through one request of exactly those profiles, and verified again clean.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class VerifyRepairITCase {

    private static final int PROFILES = 5_000;
    private static final long ORPHAN_ID = 2_500_000_000L;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineRun.liveMiniCluster();

    @TempDir
    Path dir;

    @Test
    void repairReSnapshotsExactlyTheMismatchedProfiles(@InjectMiniCluster MiniCluster cluster) throws Exception {
        try (LiveRun run = LiveRun.prepare(cluster, 91, PROFILES, 3, 5_000)) {
            run.submit(PipelineRun::productionSink).startTraffic(50, 200);
            run.awaitBackfillAndChanges(100, TIMEOUT);
            drift(run);

            Path config = dir.resolve("empty.yaml");
            Files.writeString(config, "{}\n");
            Path report = dir.resolve("verify.json");
            List<String> args = CliRun.database(run.db(), config);
            args.addAll(0, List.of("verify", "--repair", "--repair-timeout", "2m", "--report-json", report.toString()));
            CliRun verify = CliRun.of(args.toArray(String[]::new));

            JsonNode json = new ObjectMapper().readTree(report.toFile());
            long before = json.get("mismatched").asLong();
            assertThat(before).as("drift found").isGreaterThanOrEqualTo(3);
            assertThat(json.at("/repair/requested").asLong()).isEqualTo(before);
            assertThat(json.at("/repair/mismatched_after").asLong()).isZero();
            assertThat(verify.output()).contains("repair: mismatched before " + before + ", after 0");
            assertThat(verify.exitCode()).isZero();
            ResnapshotRequestTable.Row request = ResnapshotRequestTable.from(run.config())
                    .find(json.at("/repair/request_id").asLong()).orElseThrow();
            assertThat(request.status()).isEqualTo("done");
            assertThat(request.selector()).isEqualTo("ids");
            assertThat(request.ids()).as("exactly the mismatched profiles").contains(ORPHAN_ID + "-" + ORPHAN_ID)
                    .doesNotContain("1-" + PROFILES);

            run.traffic().stop();
            run.toasted().stop();
            TopicDrain.await(run.config().source(), LiveSettings.from(run.config()),
                    ChangeParserSettings.from(run.config()), TIMEOUT);
            run.job().cancel();
            assertThat(run.count("SELECT count(*) FROM profile_email WHERE profile_id = " + ORPHAN_ID)).isZero();
            run.assertExact(0);
        }
    }

    /** Emails of profiles 11..40 deleted, a phone of another profile altered, rows of a profile the source never had. */
    private static void drift(LiveRun run) throws Exception {
        // The backfill is done once read; its last rows are in the target after the next checkpoint. Ids are read in
        // ascending order per split (the first is 1..1000): rows near its end mean those below are committed too.
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (run.count("SELECT count(*) FROM profile_email WHERE profile_id BETWEEN 900 AND 1000") == 0
                || run.count("SELECT count(*) FROM profile_phone WHERE profile_id BETWEEN 900 AND 1000") == 0) {
            assertThat(System.nanoTime()).as("the backfill's rows committed").isLessThan(deadline);
            Thread.sleep(100);
        }
        try (Connection c = run.db().connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TEMP TABLE orphan AS SELECT * FROM profile_email LIMIT 1");
            s.execute("UPDATE orphan SET profile_id = " + ORPHAN_ID);
            s.execute("INSERT INTO profile_email SELECT * FROM orphan");
            assertThat(s.executeUpdate("DELETE FROM profile_email WHERE profile_id BETWEEN 11 AND 40")).isPositive();
            assertThat(s.executeUpdate("UPDATE profile_phone SET phone = '+15550000000' WHERE ctid ="
                    + " (SELECT ctid FROM profile_phone WHERE profile_id BETWEEN 100 AND 200 ORDER BY profile_id LIMIT 1)"))
                    .isOne();
        }
    }
}
