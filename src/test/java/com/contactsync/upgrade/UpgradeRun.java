package com.contactsync.upgrade;

import com.contactsync.job.JobParts;
import com.contactsync.PipelineRun;
import com.contactsync.job.ContactSyncJob;
import com.contactsync.config.JobConfig;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Submits the production job the way {@code ContactSyncJob.main} builds it, optionally restored
 * from a savepoint, and stops it with one: what a user does around every upgrade.
 */
final class UpgradeRun {

    private UpgradeRun() {}

    /** A MiniCluster with two slots, the pipeline tests' Flink settings and {@link JobMetrics}. */
    static MiniClusterExtension miniCluster() {
        Configuration conf = JobMetrics.register(PipelineRun.flinkConfiguration());
        return new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
                .setNumberTaskManagers(1)
                .setNumberSlotsPerTaskManager(2)
                .setConfiguration(conf)
                .build());
    }

    /** Starts the job without state. */
    static JobClient start(JobConfig config, OffsetsInitializer changesFrom) throws Exception {
        return submit(config, changesFrom, null, env -> {});
    }

    /**
     * Prepares the target as main does and submits the production graph for {@code config},
     * restored from {@code savepoint} when it is not null (unmapped state is not allowed);
     * {@code change} may add to the graph before it is submitted.
     */
    static JobClient submit(JobConfig config, OffsetsInitializer changesFrom, String savepoint,
            Consumer<StreamExecutionEnvironment> change) throws Exception {
        return submit(config, changesFrom, savepoint, change, new Configuration());
    }

    /** As {@link #submit(JobConfig, OffsetsInitializer, String, Consumer)}, plus job-level Flink settings (e.g. the state backend). */
    static JobClient submit(JobConfig config, OffsetsInitializer changesFrom, String savepoint,
            Consumer<StreamExecutionEnvironment> change, Configuration flink) throws Exception {
        ContactSyncJob.prepareTarget(config);
        ContactSyncJob.prepareSource(config);
        Configuration jobFlink = PipelineRun.flinkConfiguration();
        jobFlink.addAll(flink);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(jobFlink);
        ContactSyncJob.assemble(env, JobParts.of(config, changesFrom));
        change.accept(env);
        StreamGraph graph = env.getStreamGraph();
        graph.setJobName(config.jobName());
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        }
        return env.executeAsync(graph);
    }

    /** Stops the job with a canonical savepoint in {@code directory}; returns the savepoint's path once the job ended. */
    static String stopWithSavepoint(JobClient job, Path directory, Duration timeout) throws Exception {
        String savepoint = job.stopWithSavepoint(false, directory.toUri().toString(), SavepointFormatType.CANONICAL)
                .get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        job.getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        return savepoint;
    }

    /** Waits until {@code condition} holds; fails at once if the job ends first, with its failure as the cause. */
    static void awaitWhileRunning(JobClient job, BooleanSupplier condition, Duration timeout, String what) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            JobStatus status = job.getJobStatus().get();
            if (status.isGloballyTerminalState()) {
                throw new AssertionError("the job ended (" + status + ") before " + what, failure(job));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + timeout + ": " + what + " (job " + status + ")");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Waits until a restored job runs: a savepoint whose state cannot be mapped is accepted on
     * submission and fails the job only afterwards, so submitting is no proof.
     */
    static void awaitRunning(JobClient job, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            JobStatus status = job.getJobStatus().get();
            if (status == JobStatus.RUNNING || status == JobStatus.FINISHED) {
                return;
            }
            if (status.isGloballyTerminalState()) {
                throw new AssertionError("the restored job ended " + status + " instead of running", failure(job));
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the restored job is still " + status + " after " + timeout);
            }
            Thread.sleep(50);
        }
    }

    /** Waits for a bounded job to finish; a failed job throws its cause, a slow one is cancelled. */
    static void awaitFinished(JobClient job, Duration timeout) throws Exception {
        try {
            job.getJobExecutionResult().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            job.cancel().get();
            throw new AssertionError("the job did not finish within " + timeout, e);
        }
    }

    /** Waits for a job that must fail (not finish, not hang) and returns why it failed. */
    static Throwable awaitFailure(JobClient job, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!job.getJobStatus().get().isGloballyTerminalState()) {
            if (System.nanoTime() > deadline) {
                job.cancel().get();
                throw new AssertionError("the job neither failed nor finished within " + timeout);
            }
            Thread.sleep(50);
        }
        JobStatus status = job.getJobStatus().get();
        if (status != JobStatus.FAILED) {
            throw new AssertionError("expected the job to fail, but it ended " + status);
        }
        return failure(job);
    }

    private static Throwable failure(JobClient job) {
        try {
            job.getJobExecutionResult().get(10, TimeUnit.SECONDS);
            return null;
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (Exception e) {
            return e;
        }
    }
}
