package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.PipelineRun;
import com.contactsync.TablesMatchSource;
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
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.runstate.RetainedCheckpoint;
import com.contactsync.runstate.StateDirectory;
import com.contactsync.runstate.TargetFootprint;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.source.change.LiveSettings;
import com.contactsync.source.change.TopicDrain;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A real {@code ./contactsync run --mode both} JVM on the embedded stack, killed with SIGKILL once
 * its backfill is done and live changes flow, with more changes committed while no job runs: the
 * same command resumes from the latest retained checkpoint (its Kafka offsets included), applies
 * every change made meanwhile and the tables end exact. A stateless start of mode live over the
 * synced target is refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 6, unit = TimeUnit.MINUTES)
class RunResumeLiveITCase {

    private static final long SEED = 12;
    private static final int PROFILES = 20_000;
    private static final int PARALLELISM = 2;
    /** Per reader: the backfill of 20,000 rows by 2 readers lasts about 10 s. */
    private static final int BACKFILL_ROWS_PER_SECOND = 1_000;
    private static final double TRAFFIC_RATE = 300;
    private static final long CHANGES_BEFORE_KILL = 1_500;
    private static final Duration TRAFFIC_WHILE_DOWN = Duration.ofSeconds(3);
    private static final String JOB_NAME = "contactsync";
    private static final String RESUMED = "resuming from the latest retained checkpoint";
    private static final Pattern PROGRESS = Pattern.compile("backfill +([\\d.]+)% \\| ([\\d,]+)/[\\d,]+ profiles");
    /** Starting a JVM, a MiniCluster and the coverage round trip on a busy 2-core machine. */
    private static final Duration STARTUP = Duration.ofMinutes(2);
    private static final Duration TIMEOUT = Duration.ofMinutes(3);
    private static final Duration POLL = Duration.ofMillis(200);

    private static EmbeddedStack stack;

    @TempDir
    Path dir;

    private final List<Process> processes = new ArrayList<>();

    @BeforeAll
    static void startStack() {
        stack = EmbeddedStack.start(endpoint -> {
            ProfileTableLoader loader = new ProfileTableLoader(endpoint, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
            loader.createTableIfAbsent();
            loader.load(new ProfileGenerator(SEED, GeneratorSettings.defaults()), PROFILES, IdLayout.dense());
        }, 2);
    }

    @AfterAll
    static void stopStack() {
        if (stack != null) {
            stack.close();
        }
    }

    @AfterEach
    void killLeftovers() throws InterruptedException {
        for (Process p : processes) {
            if (p.isAlive()) {
                p.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            }
        }
    }

    @Test
    @Order(1)
    void sigkilledLiveRunResumesWithTheChangesMadeWhileNoJobRanAndEndsExact() throws Exception {
        Map<String, String> settings = settings(dir.resolve("state"), "resume");
        JdbcEndpoint db = stack.endpoint();
        StateDirectory state = StateDirectory.of(dir.resolve("state"), JOB_NAME);

        Path firstLog = dir.resolve("first.log");
        Process first = run(settings, "both", firstLog);
        LiveTrafficSimulator traffic = LiveTrafficSimulator.builder(db).changesPerSecond(TRAFFIC_RATE).seed(SEED).start();
        try {
            await(first, firstLog, "the backfill is done", () -> backfillDone(firstLog));
            Instant backfillDoneSeen = Instant.now();
            // A checkpoint completed after the backfill, and live changes applied on top of it.
            await(first, firstLog, "a checkpoint after the backfill and " + CHANGES_BEFORE_KILL + " changes", () ->
                    checkpointedAfter(state, backfillDoneSeen) && traffic.changesMade() >= CHANGES_BEFORE_KILL);
            assertThat(read(firstLog)).as("the first run started without state").contains("first run:");
            first.destroyForcibly(); // SIGKILL mid-live: no shutdown hook, no cancellation, traffic goes on
            assertThat(first.waitFor(1, TimeUnit.MINUTES)).as("the first run is gone").isTrue();
            long changesAtKill = traffic.changesMade();

            // While no job runs: random traffic, then changes to profiles the backfill already wrote.
            Thread.sleep(TRAFFIC_WHILE_DOWN.toMillis());
            traffic.stop();
            DowntimeChanges downtime = DowntimeChanges.commit(db);
            System.out.printf("RunResumeLiveITCase: %,d changes before the SIGKILL, %,d more and %s while no job ran%n",
                    changesAtKill, traffic.changesMade() - changesAtKill, downtime);
            RetainedCheckpoint restorable = state.latest().orElseThrow();

            // Only the restored Kafka offsets lead to these changes: a run without state would start
            // reading at the topic's end (or at a new coverage marker), after them.
            Path secondLog = dir.resolve("second.log");
            Process second = run(settings, "both", secondLog);
            await(second, secondLog, "the second run resumes", () -> read(secondLog).contains(RESUMED));
            assertThat(read(secondLog)).contains(restorable.directory().toString());

            JobConfig config = ConfigLoader.fromMap(settings);
            long drainStarted = System.nanoTime();
            try {
                TopicDrain.await(config.source(), LiveSettings.from(config), ChangeParserSettings.from(config), TIMEOUT);
            } catch (IllegalStateException e) {
                throw new AssertionError("the resumed run did not apply every change:\n" + tail(secondLog), e);
            }
            assertThat(second.isAlive()).as("the resumed run still runs:\n%s", tail(secondLog)).isTrue();
            System.out.printf("RunResumeLiveITCase: the resumed run drained the topic %.1f s after it said it resumed%n",
                    (System.nanoTime() - drainStarted) / 1e9);

            downtime.assertApplied(db);
            TablesMatchSource.assertExact(db, new ContactNormalizer(NormalizerSettings.from(config)), 0);
            // Writes are XA transactions prepared at each checkpoint and committed when it completes:
            // one may be prepared at any instant, none may stay (e.g. one the SIGKILL left).
            await(second, secondLog, "no prepared transaction left",
                    () -> count(db, "SELECT count(*) FROM pg_prepared_xacts") == 0);
            // The restored checkpoint was taken after the backfill was done: nothing is read again.
            assertThat(backfillRowsRead(secondLog)).as("profiles the resumed run read again").isZero();
            assertThat(stack.capture().failure()).as("change capture failure").isEmpty();

            second.destroy(); // SIGTERM
            assertThat(second.waitFor(1, TimeUnit.MINUTES)).as("the resumed run stops on SIGTERM").isTrue();
        } finally {
            traffic.close();
        }
    }

    @Test
    @Order(2)
    void statelessLiveStartOverASyncedTargetIsRefused() throws Exception {
        JdbcEndpoint db = stack.endpoint();
        if (TargetFootprint.read(db).isEmpty()) {
            syncTarget(); // run on its own: the target needs an earlier run's data first
        }
        Path log = dir.resolve("live.log");
        Process live = run(settings(dir.resolve("empty-state"), "live-guard"), "live", log);
        if (!live.waitFor(STARTUP.toSeconds(), TimeUnit.SECONDS)) {
            throw new AssertionError("a stateless mode live run over a synced target did not end:\n" + tail(log));
        }
        String output = read(log);
        assertThat(live.exitValue()).as(output).isNotZero();
        assertThat(output).contains("Refusing to start mode live without state").contains("./contactsync run --mode both --fresh");
        assertThat(output).as("no job was submitted").doesNotContain("submitted to the local cluster");
    }

    /** The settings of a run on the stack; {@code group} names a Kafka consumer group of its own. */
    private static Map<String, String> settings(Path stateDir, String group) {
        Map<String, String> settings = new LinkedHashMap<>(stack.jobSettings());
        settings.put("source.country-column", "country");
        settings.put("job.parallelism", String.valueOf(PARALLELISM));
        settings.put("job.checkpoint-interval", "500ms");
        settings.put("job.state-dir", stateDir.toString());
        settings.put("backfill.split-rows", "2000");
        settings.put("backfill.page-rows", "500");
        settings.put("backfill.max-rows-per-second", String.valueOf(BACKFILL_ROWS_PER_SECOND));
        settings.put("kafka.group-id", "contactsync-" + group + "-" + System.nanoTime());
        return settings;
    }

    private Process run(Map<String, String> settings, String mode, Path log) throws IOException {
        List<String> args = CliRun.database(stack.endpoint(), Files.writeString(dir.resolve("empty.yaml"), "{}\n"));
        args.add(0, "run");
        args.add("--mode");
        args.add(mode);
        settings.forEach((key, value) -> {
            args.add("--set");
            args.add(key + "=" + value);
        });
        Process process = CliProcess.start(log, args);
        processes.add(process);
        return process;
    }

    /** A bounded, unthrottled backfill of the whole table: an earlier run's data in the target. */
    private void syncTarget() throws Exception {
        Map<String, String> settings = settings(dir.resolve("sync-state"), "sync");
        settings.put("backfill.max-rows-per-second", "0");
        Path log = dir.resolve("sync.log");
        Process sync = run(settings, "backfill", log);
        assertThat(sync.waitFor(TIMEOUT.toSeconds(), TimeUnit.SECONDS)).as("the syncing backfill ends:\n%s", tail(log)).isTrue();
        assertThat(sync.exitValue()).as(read(log)).isZero();
    }

    /** Whether a checkpoint completed after {@code time}; Flink deletes subsumed ones while we look. */
    private static boolean checkpointedAfter(StateDirectory state, Instant time) {
        try {
            return state.latest().map(c -> c.completedAt().isAfter(time)).orElse(false);
        } catch (UncheckedIOException deletedWhileListed) {
            return false;
        }
    }

    private static boolean backfillDone(Path log) {
        Matcher m = PROGRESS.matcher(read(log));
        while (m.find()) {
            if (m.group(1).equals("100.0")) {
                return true;
            }
        }
        return false;
    }

    /** The most backfill rows the run's progress lines reported read; fails if it printed none. */
    private static long backfillRowsRead(Path log) {
        Matcher m = PROGRESS.matcher(read(log));
        long most = -1;
        while (m.find()) {
            most = Math.max(most, Long.parseLong(m.group(2).replace(",", "")));
        }
        assertThat(most).as("progress lines of the run:\n%s", tail(log)).isNotNegative();
        return most;
    }

    @FunctionalInterface
    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} while {@code job} runs; fails with the job's log if it ends or time runs out. */
    private static void await(Process job, Path log, String what, Condition condition) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (!condition.holds()) {
            if (!job.isAlive() || System.nanoTime() > deadline) {
                throw new AssertionError("waiting for " + what + ": the run " + (job.isAlive() ? "took longer than " + TIMEOUT
                        : "ended with exit code " + job.exitValue()) + "\n" + tail(log));
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    private static String read(Path log) {
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new IllegalStateException("could not read " + log, e);
        }
    }

    /** The log's last lines: enough for a failure message, short enough to read. */
    private static String tail(Path log) {
        List<String> lines = read(log).lines().toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 150), lines.size()));
    }

    private static long count(JdbcEndpoint db, String sql) throws SQLException {
        return PipelineRun.count(db, sql);
    }

    /**
     * Changes committed while no job runs, to profiles the backfill wrote: new contacts for one, a
     * deleted one, one deleted and inserted again, a country change (phones are parsed with it), a
     * brand-new profile, and new contacts for every 97th profile in one transaction.
     */
    private record DowntimeChanges(long moved, long deleted, long reinserted, long recountried, long inserted, long bulk) {

        static DowntimeChanges commit(JdbcEndpoint db) throws SQLException {
            List<Long> written = writtenProfiles(db, 4);
            long moved = written.get(0);
            long deleted = written.get(1);
            long reinserted = written.get(2);
            long recountried = written.get(3);
            long inserted = count(db, "SELECT max(id) FROM profile") + 1_000;
            long bulk;
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                bulk = s.executeUpdate("UPDATE profile SET contacts = jsonb_build_object('emails', jsonb_build_array("
                        + "'bulk' || id || '@example.com')) WHERE id % 97 = 0");
                s.executeUpdate("UPDATE profile SET contacts = '{\"emails\":[\"moved@example.org\"]}' WHERE id = " + moved);
                s.executeUpdate("DELETE FROM profile WHERE id = " + deleted);
                s.executeUpdate("DELETE FROM profile WHERE id = " + reinserted);
                s.executeUpdate("INSERT INTO profile (id, contacts, country, name) VALUES (" + reinserted
                        + ", '{\"emails\":[\"Back@Example.org\"]}', 'FR', 'back')");
                s.executeUpdate("UPDATE profile SET country = CASE WHEN country = 'DE' THEN 'US' ELSE 'DE' END WHERE id = " + recountried);
                s.executeUpdate("INSERT INTO profile (id, contacts, country, name) VALUES (" + inserted
                        + ", '{\"emails\":[\"new@example.org\"],\"phones\":[\"+49 30 901820\"]}', 'DE', 'new')");
            }
            return new DowntimeChanges(moved, deleted, reinserted, recountried, inserted, bulk);
        }

        /** Profiles with phones the target holds, i.e. that the backfill (or a change) wrote before the kill. */
        private static List<Long> writtenProfiles(JdbcEndpoint db, int n) throws SQLException {
            List<Long> ids = new ArrayList<>();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT DISTINCT e.profile_id FROM profile_email e"
                            + " JOIN profile_phone p ON p.profile_id = e.profile_id JOIN profile ON profile.id = e.profile_id"
                            + " WHERE e.profile_id % 97 <> 0 ORDER BY e.profile_id LIMIT " + n)) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
            assertThat(ids).as("profiles the first run wrote").hasSize(n);
            return ids;
        }

        /** The named changes, each in the target (assertExact then checks every row of every profile). */
        void assertApplied(JdbcEndpoint db) throws SQLException {
            assertThat(emails(db, moved)).as("new contacts of profile %d", moved).containsExactly("moved@example.org");
            assertThat(count(db, "SELECT count(*) FROM profile_email WHERE profile_id = " + deleted)
                    + count(db, "SELECT count(*) FROM profile_phone WHERE profile_id = " + deleted)
                    + count(db, "SELECT count(*) FROM contact_quality_issue WHERE profile_id = " + deleted))
                    .as("rows of deleted profile %d", deleted).isZero();
            assertThat(emails(db, reinserted)).as("re-inserted profile %d", reinserted).containsExactly("back@example.org");
            assertThat(emails(db, inserted)).as("new profile %d", inserted).containsExactly("new@example.org");
            assertThat(count(db, "SELECT count(DISTINCT profile_id) FROM profile_email WHERE email LIKE 'bulk%@example.com'"))
                    .as("profiles of the bulk update").isEqualTo(bulk);
        }

        private static List<String> emails(JdbcEndpoint db, long profile) throws SQLException {
            List<String> emails = new ArrayList<>();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                    var rs = s.executeQuery("SELECT email FROM profile_email WHERE profile_id = " + profile + " ORDER BY email")) {
                while (rs.next()) {
                    emails.add(rs.getString(1));
                }
            }
            return emails;
        }

        @Override
        public String toString() {
            return String.format("new contacts for %d, %d deleted, %d re-inserted, %d's country changed, %d inserted,"
                    + " %,d bulk updates", moved, deleted, reinserted, recountried, inserted, bulk);
        }
    }
}
