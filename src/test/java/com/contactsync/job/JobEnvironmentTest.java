package com.contactsync.job;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JobConfig;

import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.HashMap;
import java.util.Map;

/** The settings every run gets, whatever the cluster's configuration says. */
class JobEnvironmentTest {

    @Test
    void chainedOperatorsShareRecordsAndSavepointsStayUpgradeSafe() {
        StreamExecutionEnvironment env = configured(Map.of());
        assertThat(env.getConfig().isObjectReuseEnabled()).as("object reuse").isTrue();
        assertThat(env.getConfiguration().get(PipelineOptions.GENERIC_TYPES)).as("Kryo fallback").isFalse();
        assertThat(env.getConfiguration().get(PipelineOptions.AUTO_GENERATE_UIDS)).as("generated uids").isFalse();
        assertThat(env.getCheckpointConfig().isCheckpointingEnabled()).isTrue();
    }

    /** Unaligned barriers serve the live changes' commits; a backfill alone keeps them aligned. */
    @ParameterizedTest
    @CsvSource({
        "backfill, true,  false",
        "backfill, false, false",
        "both,     true,  true",
        "both,     false, false",
        "live,     true,  true",
    })
    void barriersOvertakeRowsInFlightOnlyWhileTheJobReadsChanges(String mode, boolean option, boolean unaligned) {
        StreamExecutionEnvironment env = configured(Map.of("job.mode", mode, "job.unaligned-checkpoints", String.valueOf(option)));
        assertThat(env.getCheckpointConfig().isUnalignedCheckpointsEnabled()).as("unaligned checkpoints").isEqualTo(unaligned);
    }

    private static StreamExecutionEnvironment configured(Map<String, String> options) {
        Map<String, String> settings = new HashMap<>(Map.of(
                "source.jdbc-url", "jdbc:postgresql://127.0.0.1:1/none",
                "source.user", "u",
                "source.password-env", "NONE",
                "kafka.bootstrap-servers", "127.0.0.1:1"));
        settings.putAll(options);
        JobConfig config = ConfigLoader.fromMap(settings);
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, config);
        return env;
    }
}
