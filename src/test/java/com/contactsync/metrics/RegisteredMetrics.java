package com.contactsync.metrics;

import com.contactsync.PipelineRun;
import com.contactsync.job.ContactSyncJob;
import com.contactsync.job.JobParts;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.EmbeddedStack;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every metric a real ContactSync run registers, as Prometheus names it: the production job in
 * mode both (backfill and change topic, the coverage round trip through Debezium) on the embedded
 * stack and a MiniCluster, run until the backfill is done and checkpoints complete, then cancelled.
 * Written to target/metric-names.txt (name, then each label with the values it had).
 */
final class RegisteredMetrics {

    private static final String ENUMERATOR = "flink_jobmanager_job_operator_coordinator_enumerator_";
    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    private RegisteredMetrics() {}

    /** The MiniCluster to run on: the live-sync tests' settings and the recording reporter. */
    static MiniClusterExtension miniCluster() {
        Configuration conf = PipelineRun.liveFlinkConfiguration();
        conf.setString("metrics.reporter.names.factory.class", PrometheusNameRecorder.Factory.class.getName());
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1).setNumberSlotsPerTaskManager(2).setConfiguration(conf).build());
    }

    /** Runs the job on {@link #miniCluster()} and returns what it registered. */
    static Map<String, Map<String, Set<String>>> ofARealRun() throws Exception {
        try (EmbeddedStack stack = EmbeddedStack.start(RegisteredMetrics::loadProfiles, 2)) {
            Map<String, String> settings = new LinkedHashMap<>(stack.jobSettings());
            settings.put("source.country-column", "country");
            settings.put("job.parallelism", "2");
            settings.put("job.checkpoint-interval", "300ms");
            settings.put("backfill.split-rows", "500");
            JobConfig config = ConfigLoader.fromMap(settings);

            JobParts parts = ContactSyncJob.prepare(config);
            StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(PipelineRun.liveFlinkConfiguration());
            ContactSyncJob.assemble(env, parts);
            JobClient job = env.executeAsync("metric-names");
            try {
                awaitGauge(job, ENUMERATOR + "backfillDone", 1);
                awaitGauge(job, "flink_jobmanager_job_numberOfCompletedCheckpoints", 3);
            } finally {
                job.cancel().get();
                write(PrometheusNameRecorder.names(), Path.of("target", "metric-names.txt"));
            }
        }
        return PrometheusNameRecorder.names();
    }

    private static void loadProfiles(com.contactsync.config.JdbcEndpoint endpoint) {
        ProfileTableLoader loader = new ProfileTableLoader(endpoint, SqlIdentifier.of("profile"), ContactsColumnType.TEXT);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(14, GeneratorSettings.defaults()), 2_000, IdLayout.dense());
    }

    private static void awaitGauge(JobClient job, String name, long atLeast) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (PrometheusNameRecorder.gaugeValue(name) < atLeast) {
            if (job.getJobStatus().get().isGloballyTerminalState()) {
                job.getJobExecutionResult().get(); // throws the cause
                throw new AssertionError("the job ended before " + name + " reached " + atLeast);
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError(name + " did not reach " + atLeast + " within " + TIMEOUT + " (now "
                        + PrometheusNameRecorder.gaugeValue(name) + "; target/metric-names.txt lists what was registered)");
            }
            Thread.sleep(100);
        }
    }

    private static void write(Map<String, Map<String, Set<String>>> names, Path file) throws IOException {
        Files.createDirectories(file.getParent());
        StringBuilder text = new StringBuilder();
        names.forEach((name, labels) -> {
            text.append(name).append('\n');
            labels.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(label -> text.append("    ")
                    .append(label.getKey()).append(": ")
                    .append(label.getValue().stream().sorted().limit(6).collect(Collectors.joining(" | "))).append('\n'));
        });
        Files.writeString(file, text);
    }
}
