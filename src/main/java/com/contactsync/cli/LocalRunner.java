package com.contactsync.cli;

import static com.contactsync.config.ContactSyncOptions.JOB_STATE_DIR;

import com.contactsync.config.JobConfig;
import com.contactsync.job.ContactSyncJob;
import com.contactsync.job.JobParts;
import com.contactsync.runstate.FreshStart;
import com.contactsync.runstate.RetainedCheckpoint;
import com.contactsync.runstate.StateDirectory;
import com.contactsync.runstate.StatelessStartGuard;
import com.contactsync.runstate.TargetFootprint;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/** Runs the job on a Flink MiniCluster in this JVM and shows its progress. */
public final class LocalRunner {

    private static final Logger LOG = LoggerFactory.getLogger(LocalRunner.class);
    static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(2);

    /** A job submitted to this JVM's cluster, and the retained checkpoint it was restored from, if any. */
    public record LocalJob(JobClient client, Optional<RetainedCheckpoint> resumedFrom) {}

    private LocalRunner() {}

    /** Prepares the target (and the topic's coverage) and submits the job, with throw-away checkpoints; returns at once. */
    public static JobClient start(JobConfig config) throws Exception {
        return start(config, Files.createTempDirectory("contactsync-checkpoints"));
    }

    /** As {@link #start(JobConfig)}, with checkpoints written under the given directory. */
    public static JobClient start(JobConfig config, Path checkpoints) throws Exception {
        return submit(config, LocalClusterConfiguration.of(config, checkpoints.toUri().toString()));
    }

    /**
     * The durable start of {@code run}: checkpoints under {@code job.state-dir/<job.name>}, retained
     * when the job fails or is cancelled (or its JVM is killed). With retained state and no
     * {@code fresh}, the job resumes from the latest completed checkpoint and says so; without, a
     * start is allowed only as {@link StatelessStartGuard} says; {@code fresh} moves the retained
     * state aside after printing what it discards.
     */
    public static LocalJob startDurable(JobConfig config, boolean fresh, PrintStream out) throws Exception {
        StateDirectory state = StateDirectory.of(Path.of(config.get(JOB_STATE_DIR)), config.jobName());
        Optional<RetainedCheckpoint> resume = fresh ? Optional.empty() : state.latest();
        if (resume.isPresent()) {
            out.println("resuming from the latest retained checkpoint: " + resume.get()
                    + " (--fresh starts over instead)");
        } else {
            out.println(new StatelessStartGuard(state).check(config.mode(), fresh, TargetFootprint.read(config.target())).orThrow());
            if (fresh) {
                FreshStart discard = new FreshStart(state);
                out.println(discard.describe());
                Path moved = discard.moveAside();
                if (moved != null) {
                    out.println("moved aside to " + moved);
                }
            }
        }
        Configuration flink = LocalClusterConfiguration.of(config, state.checkpoints().toAbsolutePath().toUri().toString());
        flink.addAll(state.flinkSettings());
        resume.ifPresent(checkpoint -> flink.set(StateRecoveryOptions.SAVEPOINT_PATH, checkpoint.directory().toString()));
        return new LocalJob(submit(config, flink), resume);
    }

    private static JobClient submit(JobConfig config, Configuration flink) throws Exception {
        JobParts parts = ContactSyncJob.prepare(config);
        LocalMetrics.reset();
        WebUi webUi = WebUi.configure(flink);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(flink);
        ContactSyncJob.assemble(env, parts);
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
        await(job, () -> LocalMetrics.gaugeMax("backfillDone") == 1, "the backfill was done", PROGRESS_INTERVAL.toMillis(), onTick);
    }

    /**
     * Waits until the job's first checkpoint completed — its first commit, before which nothing it
     * read can be visible — and returns the seconds waited. Freshness is measured from here: the
     * start-up (deploying the tasks, the first fetch, the first checkpoint) is reported apart.
     */
    public static double awaitFirstCommit(JobClient job) throws Exception {
        long start = System.nanoTime();
        await(job, () -> LocalMetrics.gaugeMax("numberOfCompletedCheckpoints") >= 1, "its first checkpoint", 50, () -> {});
        return (System.nanoTime() - start) / 1e9;
    }

    /** Polls until {@code done}; a job that ends first throws its failure, or says it ended before {@code what}. */
    private static void await(JobClient job, BooleanSupplier done, String what, long pollMillis, Runnable onTick)
            throws Exception {
        while (!done.getAsBoolean()) {
            if (job.getJobStatus().get().isGloballyTerminalState()) {
                job.getJobExecutionResult().get(); // throws the cause
                throw new IllegalStateException("the job ended before " + what);
            }
            Thread.sleep(pollMillis);
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
        requireBounded(config);
        long start = System.nanoTime();
        awaitEnd(start(config, checkpoints), expectedProfiles, out, sampler);
        return (System.nanoTime() - start) / 1e9;
    }

    /** Waits for a started bounded job to end, printing progress; throws its failure. */
    static void awaitEnd(JobClient client, long expectedProfiles, PrintStream out, Runnable sampler) throws Exception {
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
    }

    static void requireBounded(JobConfig config) {
        if (!config.mode().isBounded()) {
            throw new IllegalArgumentException("mode " + config.mode() + " never ends: use start()");
        }
    }
}
