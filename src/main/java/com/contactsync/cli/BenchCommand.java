package com.contactsync.cli;

import com.contactsync.bench.CheckpointSizes;
import com.contactsync.bench.InDatabaseReference;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.EmbeddedPostgresServer;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.sink.SecondaryIndexes;
import com.contactsync.sink.TargetSchema;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.Callable;

/**
 * {@code bench}: the ContactSync backfill against the in-database reference (run before and after it),
 * on one PostgreSQL in one command, reported as ratios. A benchmark, not a test.
 */
@Command(name = "bench", description = "Backfill vs the in-database INSERT ... SELECT reference on one PostgreSQL, in one command.")
final class BenchCommand implements Callable<Integer> {

    @Option(names = "--profiles", defaultValue = "1000000", description = "Profiles to generate (default ${DEFAULT-VALUE}).")
    long profiles;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--reference-runs", defaultValue = "2",
            description = "Runs of the in-database reference: the first before ContactSync, the others after it, into"
                    + " emptied tables; the ratio is against their mean (default ${DEFAULT-VALUE}).")
    int referenceRuns;

    @Option(names = "--checkpoint-interval", defaultValue = "5s", description = "Checkpoint interval (default ${DEFAULT-VALUE}).")
    String checkpointInterval;

    @Option(names = "--set", description = "A job option for the ContactSync run, key=value (repeatable), e.g. --set sink.deferred-indexes=false.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--report-json", description = "Write the figures as JSON to this file.")
    Path reportJson;

    @Override
    public Integer call() throws Exception {
        if (referenceRuns < 1) {
            throw new IllegalArgumentException("--reference-runs must be at least 1, got " + referenceRuns);
        }
        PrintStream out = System.out;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            JdbcEndpoint db = new JdbcEndpoint(postgres.jdbcUrl(), postgres.user(), "CONTACTSYNC_EMBEDDED_NO_PASSWORD");
            ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
            loader.createTableIfAbsent();
            out.println(loader.load(new ProfileGenerator(42, GeneratorSettings.defaults()), profiles, IdLayout.dense()));
            vacuumAnalyze(db);
            TargetSchema.migrate(db);

            InDatabaseReference referenceQuery = new InDatabaseReference(db, SqlIdentifier.of("profile"));
            out.println("(a) in-database reference: INSERT ... SELECT jsonb_array_elements, per target table ...");
            List<InDatabaseReference.Result> references = new ArrayList<>();
            references.add(runReference(db, referenceQuery, out));

            out.println("(b) ContactSync backfill, end to end, exactly once ...");
            checkpoint(db);
            JobConfig config = ConfigLoader.fromMap(jobSettings(db));
            Path checkpoints = Files.createTempDirectory("contactsync-bench-checkpoints");
            CheckpointSizes sizes = new CheckpointSizes(checkpoints);
            System.gc(); // the generator's garbage is not the job's
            PeakMemory.reset();
            double seconds;
            long liveHeap;
            long started = System.nanoTime();
            AtomicLong readDoneNanos = new AtomicLong();
            Runnable sampler = () -> {
                sizes.run();
                // Every row read and written; what follows is the end-of-backfill index build.
                if (readDoneNanos.get() == 0 && LocalMetrics.gaugeMax("backfillDone") == 1) {
                    readDoneNanos.set(System.nanoTime());
                }
            };
            try (LiveHeap heap = LiveHeap.listen()) {
                seconds = LocalRunner.run(config, profiles, out, checkpoints, sampler);
                liveHeap = heap.maxAfterGcMiB();
            }
            long peakRss = PeakMemory.peakRssMiB();
            TargetTableStats stats = TargetTableStats.read(config.target());
            long read = LocalMetrics.sum("profilesRead");
            long rows = stats.emailRows() + stats.phoneRows() + stats.issueRows();
            if (referenceRuns > 1) {
                // The database as the first run found it: the job's rows and their WAL are not the reference's load.
                emptyTargetTables(db);
                out.println("(c) in-database reference again, after ContactSync ...");
                while (references.size() < referenceRuns) {
                    references.add(runReference(db, referenceQuery, out));
                }
            }
            InDatabaseReference.Result reference = references.get(0);
            double referenceSeconds = references.stream().mapToDouble(InDatabaseReference.Result::seconds).average().orElseThrow();

            RunReport report = new RunReport()
                    .put("profiles", profiles)
                    .put("reference_seconds", RunReport.tenths(referenceSeconds))
                    .put("reference_runs_seconds", references.stream().map(r -> RunReport.tenths(r.seconds())).toList())
                    .put("contactsync_seconds", RunReport.tenths(seconds))
                    .put("ratio", Math.round(seconds / referenceSeconds * 100) / 100.0)
                    .put("phases_seconds", phases(started, readDoneNanos.get(), seconds))
                    .put("profiles_per_second", Math.round(read / seconds))
                    .put("rows_per_second", Math.round(rows / seconds))
                    .put("rows_written", Map.of("email", stats.emailRows(), "phone", stats.phoneRows(), "issue", stats.issueRows()))
                    .put("reference_rows", Map.of("email", reference.emailRows(), "phone", reference.phoneRows()))
                    .put("peak_rss_mib", peakRss)
                    .put("max_heap_after_gc_mib", liveHeap)
                    .put("largest_checkpoint_bytes", sizes.largestBytes())
                    .put("state_bytes_per_profile", Math.round(sizes.largestBytes() / (double) Math.max(1, read)))
                    .put("parallelism", parallelism)
                    .put("cores", Runtime.getRuntime().availableProcessors());
            report.print(out);
            if (reportJson != null) {
                report.writeJson(reportJson);
            }
            return 0;
        }
    }

    /** Read, normalize and write until the backfill is done (to the progress line's second), then the index build. */
    private static Map<String, Object> phases(long startedNanos, long readDoneNanos, double totalSeconds) {
        if (readDoneNanos == 0) {
            return Map.of("backfill", RunReport.tenths(totalSeconds));
        }
        double backfill = (readDoneNanos - startedNanos) / 1e9;
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("backfill", RunReport.tenths(backfill));
        phases.put("index_build_and_end", RunReport.tenths(totalSeconds - backfill));
        return phases;
    }

    private Map<String, String> jobSettings(JdbcEndpoint db) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.jdbc-url", db.url());
        settings.put("source.user", db.user());
        settings.put("source.password-env", db.passwordEnv());
        settings.put("source.country-column", "country");
        settings.put("job.mode", "backfill");
        settings.put("job.parallelism", String.valueOf(parallelism));
        settings.put("job.checkpoint-interval", checkpointInterval);
        settings.put("backfill.split-rows", String.valueOf(LocalRunner.splitRowsFor(profiles, parallelism)));
        settings.putAll(options);
        return settings;
    }

    /** One timed run of the reference; each timed phase starts from a checkpoint, so none pays for the writes before it. */
    private static InDatabaseReference.Result runReference(JdbcEndpoint db, InDatabaseReference reference, PrintStream out)
            throws Exception {
        checkpoint(db);
        InDatabaseReference.Result result = reference.run();
        out.printf("    %.1f s, %,d email rows, %,d phone rows%n", result.seconds(), result.emailRows(), result.phoneRows());
        return result;
    }

    /** Empty, with every secondary index: the reference copies their shape ({@code LIKE ... INCLUDING ALL}). */
    private static void emptyTargetTables(JdbcEndpoint db) throws Exception {
        execute(db, "TRUNCATE profile_email, profile_phone, contact_quality_issue");
        SecondaryIndexes.buildMissing(db);
    }

    private static void checkpoint(JdbcEndpoint db) throws Exception {
        execute(db, "CHECKPOINT");
    }

    private static void vacuumAnalyze(JdbcEndpoint db) throws Exception {
        execute(db, "VACUUM ANALYZE profile");
    }

    /** One fixed statement of the bench's own on its own embedded database, outside a transaction block. */
    private static void execute(JdbcEndpoint db, String sql) throws Exception {
        try (var c = db.connect(); var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
