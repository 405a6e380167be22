package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.ExpectedTables;
import com.contactsync.PipelineRun;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A real {@code ./contactsync run} JVM killed with SIGKILL mid-backfill: the same command resumes
 * from the latest retained checkpoint, re-reads no more than the rows read after it (counted by
 * PostgreSQL itself), and the tables end exact with no prepared transaction left.
 */
class RunResumeITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final int PROFILES = 40_000;
    private static final int PARALLELISM = 2;
    private static final int ROWS_PER_SECOND_PER_READER = 2_000;
    private static final int PAGE_ROWS = 500;
    private static final Duration CHECKPOINT_INTERVAL = Duration.ofSeconds(1);

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    void sigkilledRunResumesFromItsLatestCheckpointAndEndsExact() throws Exception {
        JdbcEndpoint db = POSTGRES.newDatabase();
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(7, GeneratorSettings.defaults()), PROFILES, IdLayout.dense());
        execute(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        execute(db, "SELECT pg_stat_statements_reset()");

        Process first = run(db, "first");
        awaitCommittedProfiles(db, first, PROFILES / 2);
        long killedAtMillis = System.currentTimeMillis();
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no cancellation, nothing cleaned up
        assertThat(first.waitFor(1, TimeUnit.MINUTES)).isTrue();
        long committedAtKill = committedProfiles(db);

        Process second = run(db, "second");
        assertThat(second.waitFor(5, TimeUnit.MINUTES)).as("the resumed run ends").isTrue();
        String log = Files.readString(dir.resolve("second.log"));
        assertThat(second.exitValue()).as(log).isZero();
        assertThat(log).contains("resuming from the latest retained checkpoint");

        JsonNode report = new ObjectMapper().readTree(dir.resolve("second.json").toFile());
        assertThat(report.get("resumed_from").asText()).startsWith(dir.resolve("state").toString());
        assertThat(report.get("profiles_read").asLong()).as("this run's reads only").isLessThan(PROFILES);

        // What a restore may read again: what the readers read after the restored checkpoint was
        // triggered — from its trigger (at most one interval before it completed) to the kill, at the
        // readers' rate limit — and the pages each open split held (the one being emitted and the
        // reader's queue of fetched pages, 2 deep).
        long reread = rowsReadByBackfillPages(db) - PROFILES;
        Path restored = Path.of(report.get("resumed_from").asText());
        long completedAtMillis = Files.getLastModifiedTime(restored.resolve("_metadata")).toMillis();
        double exposedSeconds = (killedAtMillis - completedAtMillis) / 1000.0 + CHECKPOINT_INTERVAL.toMillis() / 1000.0;
        long bound = (long) (PARALLELISM * (ROWS_PER_SECOND_PER_READER * exposedSeconds + 3L * PAGE_ROWS));
        System.out.printf("RunResumeITCase: %,d rows read again after the SIGKILL (bound %,d: %.1f s exposed); second run read %,d%n",
                reread, bound, exposedSeconds, report.get("profiles_read").asLong());
        assertThat(reread).as("rows read twice (%,d profiles were committed at the kill)", committedAtKill)
                .isBetween(0L, bound);

        ContactNormalizer normalizer = new ContactNormalizer(NormalizerSettings.defaults());
        assertThat(ExpectedTables.actual(db)).containsExactlyElementsOf(ExpectedTables.expected(db, normalizer));
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM pg_prepared_xacts")).as("prepared transactions left").isZero();

    }

    private Process run(JdbcEndpoint db, String name) throws Exception {
        Path emptyConfig = Files.writeString(dir.resolve("empty.yaml"), "{}\n");
        List<String> args = CliRun.database(db, emptyConfig);
        args.add(0, "run");
        for (String setting : List.of(
                "job.mode=backfill",
                "job.parallelism=" + PARALLELISM,
                "job.checkpoint-interval=" + CHECKPOINT_INTERVAL.toMillis() + "ms",
                "job.state-dir=" + dir.resolve("state"),
                "backfill.split-rows=5000",
                "backfill.page-rows=" + PAGE_ROWS,
                "backfill.max-rows-per-second=" + ROWS_PER_SECOND_PER_READER)) {
            args.add("--set");
            args.add(setting);
        }
        args.add("--report-json");
        args.add(dir.resolve(name + ".json").toString());
        Process process = CliProcess.start(dir.resolve(name + ".log"), args);
        processes.add(process);
        return process;
    }

    private void awaitCommittedProfiles(JdbcEndpoint db, Process job, long profiles) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (committedProfiles(db) < profiles) {
            if (!job.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("the first run " + (job.isAlive() ? "is too slow" : "ended") + ":\n"
                        + Files.readString(dir.resolve("first.log")));
            }
            Thread.sleep(100);
        }
    }

    private static long committedProfiles(JdbcEndpoint db) throws SQLException {
        try {
            return PipelineRun.count(db, "SELECT count(DISTINCT profile_id) FROM profile_email");
        } catch (SQLException notCreatedYet) {
            return 0;
        }
    }

    /** Rows PostgreSQL returned to the backfill's keyset-page statement (pg_stat_statements), both runs together. */
    private static long rowsReadByBackfillPages(JdbcEndpoint db) throws SQLException {
        // Counted when a statement completes: a page in flight at the SIGKILL is not, a (small) undercount.
        // The page statement reads id, contacts[, country] of the profile table, with a LIMIT and no OFFSET (that is
        // the split-end query's, which reads ids only); an empty page returns one row, a few more at most.
        return PipelineRun.count(db, "SELECT coalesce(sum(rows), 0) FROM pg_stat_statements"
                + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND query LIKE '%\"contacts\"::text%FROM \"profile\"%LIMIT%' AND query NOT LIKE '%OFFSET%'");
    }

    private static void execute(JdbcEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
