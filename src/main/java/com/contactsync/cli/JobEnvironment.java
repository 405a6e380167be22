package com.contactsync.cli;

import com.contactsync.config.JobConfig;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

import java.time.Duration;

/** The Flink settings every ContactSync run needs, wherever it runs. */
public final class JobEnvironment {

    /**
     * Keyed state restores only at the max parallelism it was written with. Flink derives 128 when
     * none is set (for parallelism up to 85), so every savepoint taken so far has 128: pinned here
     * so that it can never drift. Never change it (README, Operations).
     */
    public static final int MAX_PARALLELISM = 128;

    private JobEnvironment() {}

    /** Settings that must hold for correctness; cluster configuration may add, not weaken them. */
    public static void configure(StreamExecutionEnvironment env, JobConfig config) {
        if (config.parallelism() > MAX_PARALLELISM) {
            throw new IllegalArgumentException("job.parallelism must be <= " + MAX_PARALLELISM
                    + " (the max parallelism fixed in the job's savepoints), got " + config.parallelism());
        }
        env.setParallelism(config.parallelism());
        env.setMaxParallelism(MAX_PARALLELISM);
        // Savepoints must stay restorable wherever the job is submitted: no Kryo fallback (state
        // serialized by Kryo cannot evolve) and an explicit uid on every operator (OperatorIds).
        Configuration upgradeSafe = new Configuration();
        upgradeSafe.set(PipelineOptions.GENERIC_TYPES, false);
        upgradeSafe.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        env.configure(upgradeSafe);
        // The XA sink writes nothing without checkpoints; exactly-once barriers keep replays ordered.
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        // A bounded backfill must still commit its last transaction when its sources finish.
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(Math.min(500, config.checkpointInterval().toMillis() / 2));
    }

    /** Flink settings for a local MiniCluster run (the embedded default and `run`). */
    public static Configuration localClusterConfiguration(JobConfig config, String checkpointDir) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointDir);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 10);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(1));
        conf.setString("taskmanager.numberOfTaskSlots", String.valueOf(config.parallelism()));
        conf.setString("metrics.reporter.progress.factory.class", LocalMetrics.Factory.class.getName());
        conf.setString("metrics.reporter.progress.interval", "1 s");
        return conf;
    }
}
