package com.contactsync.cli;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.EmbeddedStack;
import com.contactsync.embedded.LatencyProbe;
import com.contactsync.embedded.LiveTrafficSimulator;
import com.contactsync.embedded.TopicArrivals;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.source.backfill.ResnapshotRequestTable;
import com.contactsync.source.backfill.ResnapshotSelector;

import org.apache.flink.core.execution.JobClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code bench-latency}: commit in {@code profile} to visible in {@code profile_email}, p50/p99,
 * at sustained change rates, on the embedded stack. A benchmark, not a test: it reports figures.
 */
@Command(name = "bench-latency", description = "Commit-to-visible latency of the live sync at given change rates (embedded stack).")
final class LatencyBenchCommand implements Callable<Integer> {

    @Option(names = "--rates", split = ",", defaultValue = "500,2000", description = "Changes per second to sustain (default ${DEFAULT-VALUE}).")
    List<Double> rates;

    @Option(names = "--seconds", defaultValue = "30", description = "Seconds per rate (default ${DEFAULT-VALUE}).")
    int seconds;

    @Option(names = "--profiles", defaultValue = "20000", description = "Profiles in the table (default ${DEFAULT-VALUE}).")
    long profiles;

    @Option(names = "--checkpoint-interval", defaultValue = "1s", description = "Checkpoint interval (default ${DEFAULT-VALUE}).")
    String checkpointInterval;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--warm-up", defaultValue = "60", description = "Also report p50/p99 of the probes committed this many"
            + " seconds after the first (the steady state, without the JVMs' and the capture's warm-up; default ${DEFAULT-VALUE}).")
    int warmUpSeconds;

    @Option(names = "--separate-target", description = "Write the normalized tables into a database of their own on the"
            + " same server instead of the captured one (whose logical decoding then skips the backfill's writes).")
    boolean separateTarget;

    @Option(names = "--set", description = "A job option for this run, key=value (repeatable), e.g. --set backfill.max-change-lag=0.")
    Map<String, String> options = new LinkedHashMap<>();

    @Option(names = "--report-json", description = "Write the figures as JSON to this file.")
    Path reportJson;

    @Option(names = "--during-backfill", description = "Measure while the initial backfill runs (one window per rate, each"
            + " until the backfill is done or --seconds passed), instead of after it.")
    boolean duringBackfill;

    @Option(names = "--during-resnapshot", description = "After the backfill, request a re-snapshot of every profile"
            + " (backfill request --all) and measure while it runs; reports how long it took.")
    boolean duringResnapshot;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        try (EmbeddedStack stack = EmbeddedStack.start(endpoint -> {
            ProfileTableLoader loader = new ProfileTableLoader(endpoint, SqlIdentifier.of("profile"), ContactsColumnType.JSONB);
            loader.createTableIfAbsent();
            loader.load(new ProfileGenerator(7, GeneratorSettings.defaults()), profiles, IdLayout.dense());
        }, 2)) {
            Map<String, String> settings = new LinkedHashMap<>(stack.jobSettings());
            settings.put("job.parallelism", String.valueOf(parallelism));
            settings.put("job.checkpoint-interval", checkpointInterval);
            if (separateTarget) {
                JdbcEndpoint target = stack.createDatabase(SqlIdentifier.of("contactsync_target"));
                settings.put("target.jdbc-url", target.url());
                settings.put("target.user", target.user());
                settings.put("target.password-env", target.passwordEnv());
            }
            settings.putAll(options);
            JobConfig config = ConfigLoader.fromMap(settings);
            JobClient job = LocalRunner.start(config);
            double firstCommit = LocalRunner.awaitFirstCommit(job);
            out.printf("first checkpoint (the job's first commit) %.1f s after the start; measuring from here%n", firstCommit);
            if (!duringBackfill) {
                LocalRunner.awaitBackfill(job, () -> {});
            }
            String phase = duringBackfill ? "during the backfill" : duringResnapshot ? "during a re-snapshot of every profile" : "after the backfill";
            out.printf("%,d profiles; measuring %s at %s changes/s, %d s each, checkpoint interval %s%n",
                    profiles, phase, rates, seconds, checkpointInterval);
            List<Map<String, Object>> results = new ArrayList<>();
            long seed = 1;
            for (double rate : rates) {
                ResnapshotRequestTable requests = ResnapshotRequestTable.from(config);
                long request = duringResnapshot ? requests.submit(ResnapshotSelector.all()) : -1;
                long started = System.nanoTime();
                try (LiveTrafficSimulator traffic = LiveTrafficSimulator.builder(stack.endpoint()).changesPerSecond(rate).seed(seed++).start();
                        LatencyProbe probe = new LatencyProbe(stack.endpoint(), config.target(), config.profileTable().table(), 10).start()) {
                    long deadline = started + seconds * 1_000_000_000L;
                    StageSamples stages = new StageSamples();
                    while (duringResnapshot ? !isDone(requests, request) : System.nanoTime() < deadline
                            && !(duringBackfill && LocalMetrics.gaugeMax("backfillDone") == 1)) {
                        Thread.sleep(200);
                        stages.sample();
                    }
                    double measured = (System.nanoTime() - started) / 1e9;
                    traffic.stop();
                    probe.stop(30_000);
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("phase", phase);
                    result.put("target_rate", rate);
                    result.put("seconds", RunReport.tenths(measured));
                    result.put("achieved_rate", Math.round(traffic.changesMade() / measured));
                    result.put("probes", probe.latencies().size());
                    result.put("p50_ms", probe.percentile(0.5));
                    result.put("p99_ms", probe.percentile(0.99));
                    result.put("max_ms", probe.percentile(1.0));
                    result.put("warm_up_seconds", warmUpSeconds);
                    result.put("after_warm_up_p50_ms", probe.percentileAfter(0.5, warmUpSeconds * 1000L));
                    result.put("after_warm_up_p99_ms", probe.percentileAfter(0.99, warmUpSeconds * 1000L));
                    if (duringResnapshot) {
                        result.put("resnapshot_profiles_read", requests.find(request).map(ResnapshotRequestTable.Row::profilesRead).orElse(-1L));
                    }
                    Map<String, Object> byStage = stages.report(probe,
                            TopicArrivals.firstAppended(stack.kafka().bootstrapServers(), stack.topic(), probe.committedAt().keySet()));
                    result.put("stages", byStage);
                    results.add(result);
                    out.printf("rate %,.0f/s (achieved %,d/s) %s, %.1f s: commit-to-visible p50 %d ms, p99 %d ms, max %d ms over %d probes%n",
                            rate, result.get("achieved_rate"), phase, measured, probe.percentile(0.5), probe.percentile(0.99),
                            probe.percentile(1.0), probe.latencies().size());
                    out.printf("  after a warm-up of %d s: p50 %d ms, p99 %d ms%n", warmUpSeconds,
                            result.get("after_warm_up_p50_ms"), result.get("after_warm_up_p99_ms"));
                    out.println("  where the time goes: " + byStage);
                }
                if (duringBackfill) {
                    break; // one backfill to measure during
                }
            }
            job.cancel().get();
            if (reportJson != null) {
                RunReport report = new RunReport()
                        .put("first_commit_seconds", RunReport.tenths(firstCommit))
                        .put("checkpoint_interval", checkpointInterval)
                        .put("parallelism", parallelism)
                        .put("results", results);
                report.writeJson(reportJson);
            }
            return 0;
        }
    }

    private static boolean isDone(ResnapshotRequestTable requests, long id) throws java.sql.SQLException {
        return requests.find(id).map(row -> ResnapshotRequestTable.DONE.equals(row.status())).orElse(true);
    }
}
