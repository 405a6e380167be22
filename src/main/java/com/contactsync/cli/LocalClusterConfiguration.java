package com.contactsync.cli;

import com.contactsync.config.JobConfig;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestartStrategyOptions;

import java.time.Duration;

/** Flink settings for a MiniCluster in this JVM (the embedded default and `run`). */
final class LocalClusterConfiguration {

    private LocalClusterConfiguration() {}

    static Configuration of(JobConfig config, String checkpointDir) {
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
