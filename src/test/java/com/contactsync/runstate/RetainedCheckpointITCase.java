package com.contactsync.runstate;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.MapFunction;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The finder on checkpoints Flink itself wrote: a job keeping its state under
 * {@link StateDirectory#flinkSettings()} is cancelled, its last checkpoint is retained and found,
 * and a job restores from what was found.
 */
class RetainedCheckpointITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    @TempDir
    Path stateDir;

    @Test
    void theCheckpointRetainedOnCancellationIsFoundAndRestores() throws Exception {
        StateDirectory state = StateDirectory.of(stateDir, "contactsync");
        JobClient job = slowCountingJob(state, null);
        awaitCompletedCheckpoint(state, job);
        job.cancel().get();
        awaitEnd(job); // only a terminated job has kept or discarded its checkpoints

        Optional<RetainedCheckpoint> latest = state.latest();

        assertThat(latest).get().satisfies(found -> {
            assertThat(found.kind()).isEqualTo(RetainedCheckpoint.Kind.CHECKPOINT);
            assertThat(found.jobId()).isEqualTo(job.getJobID().toString());
            assertThat(found.directory().getFileName().toString()).isEqualTo("chk-" + found.checkpointId());
            assertThat(found.directory().resolve("_metadata")).isRegularFile();
        });
        JobClient restored = slowCountingJob(state, latest.get().directory().toUri().toString());
        try {
            awaitStatus(restored, JobStatus.RUNNING);
            awaitCompletedCheckpoint(state, restored);
            // The restored job has a new job id and numbers its checkpoints anew (Flink 2.0.2): only time orders them.
            assertThat(state.latest()).get().satisfies(newer -> {
                assertThat(newer.jobId()).isEqualTo(restored.getJobID().toString());
                assertThat(newer.completedAt()).isAfterOrEqualTo(latest.get().completedAt());
            });
        } finally {
            restored.cancel().get();
        }
    }

    private static JobClient slowCountingJob(StateDirectory state, String restoreFrom) throws Exception {
        Configuration conf = state.flinkSettings();
        conf.set(CheckpointingOptions.CHECKPOINTING_INTERVAL, Duration.ofMillis(200));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
        env.fromSource(new NumberSequenceSource(0, Long.MAX_VALUE), WatermarkStrategy.noWatermarks(), "numbers").uid("numbers")
                .map(new Slowly()).uid("slowly")
                .sinkTo(new DiscardingSink<>()).uid("discard");
        StreamGraph graph = env.getStreamGraph();
        if (restoreFrom != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(restoreFrom, false));
        }
        return env.executeAsync(graph);
    }

    private static void awaitCompletedCheckpoint(StateDirectory state, JobClient job) throws Exception {
        Path jobDir = state.checkpoints().resolve(job.getJobID().toString());
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (state.retained().stream().noneMatch(c -> c.directory().startsWith(jobDir))) {
            if (System.nanoTime() > deadline || job.getJobStatus().get().isGloballyTerminalState()) {
                throw new AssertionError("no completed checkpoint in " + jobDir + " (exists: " + Files.exists(jobDir) + ")");
            }
            Thread.sleep(100);
        }
    }

    private static void awaitEnd(JobClient job) throws Exception {
        try {
            job.getJobExecutionResult().get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            throw new AssertionError("job " + job.getJobID() + " finished instead of being cancelled");
        } catch (java.util.concurrent.ExecutionException cancelled) {
            // the cancelled job's result is its cancellation
        }
    }

    private static void awaitStatus(JobClient job, JobStatus expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (job.getJobStatus().get() != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("job " + job.getJobID() + " is " + job.getJobStatus().get() + ", not " + expected);
            }
            Thread.sleep(50);
        }
    }

    /** Keeps the CPU of a shared machine free. */
    private static final class Slowly implements MapFunction<Long, Long> {
        @Override
        public Long map(Long value) throws Exception {
            Thread.sleep(5);
            return value;
        }
    }
}
