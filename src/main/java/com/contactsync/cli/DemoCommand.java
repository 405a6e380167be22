package com.contactsync.cli;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.ContactSyncOptions;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.embedded.EmbeddedStack;
import com.contactsync.embedded.LatencyProbe;
import com.contactsync.embedded.LiveTrafficSimulator;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.LoadReport;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.runstate.FreshStart;
import com.contactsync.runstate.StateDirectory;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.source.change.ChangeParserSettings;
import com.contactsync.source.change.LiveSettings;
import com.contactsync.source.change.TopicDrain;
import com.contactsync.verify.ConsistencyVerifier;
import com.contactsync.verify.VerificationResult;
import com.contactsync.verify.VerifyOptions;

import org.apache.flink.core.execution.JobClient;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code demo}: the embedded default. Starts the whole stack in this JVM (PostgreSQL, Kafka,
 * Debezium, Flink MiniCluster), fills {@code profile} with reproducible messy profiles, backfills
 * them while a simulator changes profiles live, drains the change topic, and proves the result
 * with the independent consistency check.
 */
@Command(name = "demo", description = "The embedded default: fill, backfill under live traffic, drain, verify, report.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--profiles", defaultValue = "100000", description = "Profiles to generate (default ${DEFAULT-VALUE}).")
    long profiles;

    @Option(names = "--live-rate", defaultValue = "200",
            description = "Live changes per second while the backfill runs (default ${DEFAULT-VALUE}); 0 runs the backfill alone, without Kafka.")
    double liveRate;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data and traffic (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--checkpoint-interval", defaultValue = "1s", description = "Checkpoint interval (default ${DEFAULT-VALUE}).")
    String checkpointInterval;

    @Option(names = "--contacts-type", defaultValue = "text",
            description = "SQL type of the contacts column: text (can hold malformed JSON), json or jsonb.")
    String contactsType;

    @Option(names = "--report-json", description = "Write the summary as JSON to this file.")
    Path reportJson;

    @Mixin
    WebUiOption webUi;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        boolean live = liveRate > 0;
        LoadReport[] load = new LoadReport[1];
        try (EmbeddedStack stack = EmbeddedStack.start(endpoint -> load[0] = fill(endpoint), 2)) {
            out.printf("embedded stack: PostgreSQL :%d, Kafka %s, Debezium slot %s; %,d messy profiles (seed %d) loaded in %.1f s%n",
                    stack.postgres().port(), stack.kafka().bootstrapServers(), stack.capture().slotName(),
                    load[0].rows(), seed, load[0].elapsed().toMillis() / 1000.0);
            JobConfig config = ConfigLoader.fromMap(jobSettings(stack, live));
            RunReport report = live ? backfillUnderTraffic(config, stack.endpoint(), out) : backfillOnly(config, out);

            out.println("verifying every profile against its JSON, independently of the job ...");
            VerificationResult verification = new ConsistencyVerifier(config.source(), config.target(),
                    config.profileTable(), new ContactNormalizer(NormalizerSettings.from(config)))
                    .verify(VerifyOptions.defaults());
            out.println(verification);
            TargetTableStats stats = TargetTableStats.read(config.target());
            report.putStats(stats)
                    .put("dead_letters", stats.deadLetters())
                    .put("parallelism", parallelism)
                    .put("peak_rss_mib", PeakMemory.peakRssMiB())
                    .put("verify", Map.of("checked", verification.checked(), "mismatched", verification.mismatched()));
            report.print(out);
            if (reportJson != null) {
                report.writeJson(reportJson);
                out.println("report written to " + reportJson);
            }
            return verification.consistent() ? 0 : 2;
        }
    }

    private RunReport backfillOnly(JobConfig config, PrintStream out) throws Exception {
        long start = System.nanoTime();
        LocalRunner.awaitEnd(startDurable(config, out), profiles, out, () -> {});
        double seconds = (System.nanoTime() - start) / 1e9;
        long read = LocalMetrics.sum("profilesRead");
        return new RunReport()
                .put("profiles_read", read)
                .put("seconds", RunReport.tenths(seconds))
                .put("profiles_per_second", Math.round(read / Math.max(seconds, 1e-3)));
    }

    private RunReport backfillUnderTraffic(JobConfig config, JdbcEndpoint source, PrintStream out) throws Exception {
        long start = System.nanoTime();
        JobClient job = startDurable(config, out);
        double firstCommit = LocalRunner.awaitFirstCommit(job);
        out.printf("first checkpoint (the job's first commit) %.1f s after the job started; live traffic and latency probes start now%n",
                firstCommit);
        try (LiveTrafficSimulator traffic = LiveTrafficSimulator.builder(source).changesPerSecond(liveRate).seed(seed).start();
                LatencyProbe probe = new LatencyProbe(source, config.target(), config.profileTable().table(), 5).start()) {
            ProgressLine progress = new ProgressLine(out, profiles, () -> String.format(
                    "%,d live changes | change lag %,d ms | latency p50 %d ms",
                    traffic.changesMade(), Math.max(0, LocalMetrics.gaugeMax("changeLagMillis")), probe.percentile(0.5)));
            LocalRunner.awaitBackfill(job, progress::print);
            double backfillSeconds = (System.nanoTime() - start) / 1e9;
            long read = LocalMetrics.sum("profilesRead");
            traffic.stop();
            out.printf("backfill done in %.1f s; traffic stopped after %,d changes %s; draining the change topic ...%n",
                    backfillSeconds, traffic.changesMade(), traffic.counts());
            long drainStart = System.nanoTime();
            TopicDrain.await(config.source(), LiveSettings.from(config), ChangeParserSettings.from(config), Duration.ofMinutes(5));
            probe.stop(10_000);
            long drained = System.nanoTime();
            out.printf("drained in %.1f s (%.1f s after the job started)%n", (drained - drainStart) / 1e9, (drained - start) / 1e9);
            RunReport report = new RunReport()
                    .put("profiles_read", read)
                    .put("seconds", RunReport.tenths(backfillSeconds))
                    .put("profiles_per_second", Math.round(read / Math.max(backfillSeconds, 1e-3)))
                    .put("first_commit_seconds", RunReport.tenths(firstCommit))
                    .put("live_rate", liveRate)
                    .put("changes_made", traffic.changesMade())
                    .put("changes_applied", LocalMetrics.sum("changesApplied"))
                    .put("changes_by_kind", traffic.counts())
                    .put("latency_probes", probe.latencies().size())
                    .put("latency_p50_ms", probe.percentile(0.5))
                    .put("latency_p99_ms", probe.percentile(0.99))
                    .put("checkpoint_interval", config.checkpointInterval().toMillis() + " ms");
            job.cancel().get();
            return report;
        }
    }

    /**
     * The demo's job keeps its checkpoints under job.state-dir like {@code run}; its database is
     * new on every start, so an earlier demo's state is discarded, never resumed.
     */
    private static JobClient startDurable(JobConfig config, PrintStream out) throws Exception {
        new FreshStart(StateDirectory.of(Path.of(config.get(ContactSyncOptions.JOB_STATE_DIR)), config.jobName())).delete();
        return LocalRunner.startDurable(config, false, out).client();
    }

    private LoadReport fill(JdbcEndpoint endpoint) {
        ProfileTableLoader loader = new ProfileTableLoader(
                endpoint, com.contactsync.config.SqlIdentifier.of("profile"), ContactsColumnType.parse(contactsType));
        loader.createTableIfAbsent();
        return loader.load(new ProfileGenerator(seed, GeneratorSettings.defaults()), profiles, IdLayout.dense());
    }

    private Map<String, String> jobSettings(EmbeddedStack stack, boolean live) {
        Map<String, String> settings = new LinkedHashMap<>(stack.jobSettings());
        settings.put("source.country-column", "country");
        settings.put("job.mode", live ? "both" : "backfill");
        settings.put("job.parallelism", String.valueOf(parallelism));
        settings.put("backfill.split-rows", String.valueOf(LocalRunner.splitRowsFor(profiles, parallelism)));
        settings.put("job.checkpoint-interval", checkpointInterval);
        settings.put("job.name", "contactsync-demo");
        return settings;
    }
}
