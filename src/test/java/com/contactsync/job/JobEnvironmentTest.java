package com.contactsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JobConfig;

import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The settings every run gets, whatever the cluster's configuration says. */
class JobEnvironmentTest {

    private static final JobConfig CONFIG = ConfigLoader.fromMap(Map.of(
            "source.jdbc-url", "jdbc:postgresql://127.0.0.1:1/none",
            "source.user", "u",
            "source.password-env", "NONE"));

    @Test
    void chainedOperatorsShareRecordsAndSavepointsStayUpgradeSafe() {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, CONFIG);
        assertThat(env.getConfig().isObjectReuseEnabled()).as("object reuse").isTrue();
        assertThat(env.getConfiguration().get(PipelineOptions.GENERIC_TYPES)).as("Kryo fallback").isFalse();
        assertThat(env.getConfiguration().get(PipelineOptions.AUTO_GENERATE_UIDS)).as("generated uids").isFalse();
        assertThat(env.getCheckpointConfig().isUnalignedCheckpointsEnabled()).as("unaligned checkpoints").isTrue();
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
    }
}
