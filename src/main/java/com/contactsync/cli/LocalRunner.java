package com.contactsync.cli;

import com.contactsync.config.JobConfig;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Runs the job on a Flink MiniCluster in this JVM and shows its progress. */
public final class LocalRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRunner.class);
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    private LocalRunner() {}

    /** Prepares the target (and the topic's coverage) and submits the job; returns at once. */
    public static JobClient start(JobConfig config) throws Exception {
        return start(config, Files.createTempDirectory("contactsync-checkpoints"));
    }

    /** As {@link #start(JobConfig)}, with checkpoints written under the given directory. */
    public static JobClient start(JobConfig config, Path checkpoints) throws Exception {
        ContactSyncJob.prepareTarget(config);
        LocalMetrics.reset();
        Configuration cluster = JobEnvironment.localClusterConfiguration(config, checkpoints.toUri().toString());
        WebUi webUi = WebUi.configure(cluster);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(cluster);
        JobEnvironment.configure(env, config);
        ContactSyncJob.build(env, config, ContactSyncJob.prepareChanges(config));
        JobClient client = env.executeAsync(config.jobName());
        LOG.info("job {} submitted to the local cluster (mode {})", client.getJobID(), config.mode());
        webUi.announce(client.getJobID(), System.out);
        return client;
    }

    /**
     * Waits until the job's backfill is done (in a job that goes on with live sync), calling
     * {@code onTick} at every progress interval; throws the job's failure if it ends first.
     */
    public static void awaitBackfill(JobClient job, Runnable onTick) throws Exception {
        while (LocalMetrics.gaugeMax("backfillDone") != 1) {
            if (job.getJobStatus().get().isGloballyTerminalState()) {
                job.getJobExecutionResult().get(); // throws the cause
                throw new IllegalStateException("the job ended before the backfill was done");
            }
            Thread.sleep(PROGRESS_INTERVAL.toMillis());
            onTick.run();
        }
    }

    /** Rows per split for a local table: enough splits to keep every reader busy, capped for large tables. */
    static long splitRowsFor(long profiles, int parallelism) {
        return Math.max(5_000, Math.min(100_000, profiles / (parallelism * 8L)));
    }

    /** Runs a bounded job to its end, printing progress; returns the seconds it took. */
    public static double run(JobConfig config, long expectedProfiles, PrintStream out) throws Exception {
        return run(config, expectedProfiles, out, Files.createTempDirectory("contactsync-checkpoints"), () -> {});
    }

    /** As {@link #run(JobConfig, long, PrintStream)}; {@code sampler} runs at every progress line. */
    public static double run(JobConfig config, long expectedProfiles, PrintStream out, Path checkpoints, Runnable sampler)
            throws Exception {
        if (!config.mode().isBounded()) {
            throw new IllegalArgumentException("mode " + config.mode() + " never ends: use start()");
        }
        long start = System.nanoTime();
        JobClient client = start(config, checkpoints);
        ProgressLine progress = new ProgressLine(out, expectedProfiles, null);
        while (true) {
            try {
                // Throws with the failure cause if the job failed.
                client.getJobExecutionResult().get(PROGRESS_INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
                break;
            } catch (TimeoutException stillRunning) {
                progress.print();
                sampler.run();
            }
        }
        progress.print();
        return (System.nanoTime() - start) / 1e9;
    }
}
