package com.contactsync.compose;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.job.ContactSyncPipeline;
import com.contactsync.job.JobParts;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JobConfig;
import com.contactsync.source.change.ChangeSourceFactory;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.runtime.jobgraph.JobGraph;
import org.apache.flink.runtime.jobgraph.JobVertex;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Path;
import java.util.Map;

/**
 * conf/flink/config.yaml, read by Flink's own parser: the settings ContactSync's operations rely
 * on are there, and under its pipeline settings (no generic types, no generated uids) the job
 * graph of every run mode still builds. The cluster test runs the backfill mode on a real cluster
 * with this file; this test covers the modes that need Kafka too.
 */
class FlinkConfigTest {

    private static final Path CONF_DIR = Path.of("conf", "flink");

    private final Configuration flink = GlobalConfiguration.loadConfiguration(CONF_DIR.toString());

    @Test
    void checkpointsAreExactlyOnceIncrementalOnRocksDbAndRetainedOnCancel() {
        assertThat(flink.toMap()).contains(
                Map.entry("execution.checkpointing.mode", "EXACTLY_ONCE"),
                Map.entry("execution.checkpointing.externalized-checkpoint-retention", "RETAIN_ON_CANCELLATION"),
                Map.entry("execution.checkpointing.unaligned.enabled", "true"),
                Map.entry("state.backend.type", "rocksdb"),
                Map.entry("execution.checkpointing.incremental", "true"));
        assertThat(flink.toMap()).containsKeys(
                "execution.checkpointing.interval", "execution.checkpointing.min-pause",
                "execution.checkpointing.timeout", "execution.checkpointing.dir", "execution.checkpointing.savepoint-dir");
    }

    @Test
    void restartsAreBoundedInDelayNotInCount() {
        assertThat(flink.getString("restart-strategy.type", "")).isEqualTo("exponential-delay");
        assertThat(flink.toMap()).containsKeys(
                "restart-strategy.exponential-delay.initial-backoff", "restart-strategy.exponential-delay.max-backoff");
        assertThat(flink.toMap()).doesNotContainKey("restart-strategy.exponential-delay.attempts-before-reset-backoff");
    }

    @Test
    void upgradeSafetyAndPrometheusAndJava17OpensAreConfigured() {
        assertThat(flink.get(PipelineOptions.GENERIC_TYPES)).isFalse();
        assertThat(flink.get(PipelineOptions.AUTO_GENERATE_UIDS)).isFalse();
        assertThat(flink.getString("metrics.reporter.prom.factory.class", ""))
                .isEqualTo("org.apache.flink.metrics.prometheus.PrometheusReporterFactory");
        assertThat(flink.getString("env.java.opts.all", "")).contains(
                "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.util=ALL-UNNAMED",
                "--add-opens=java.base/java.nio=ALL-UNNAMED", "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
                "--add-exports=java.base/sun.net.util=ALL-UNNAMED");
    }

    @ParameterizedTest
    @ValueSource(strings = {"backfill", "live", "both"})
    void jobGraphOfEveryModeBuildsWithoutGeneratedUidsOrGenericTypes(String mode) {
        JobConfig config = ConfigLoader.fromMap(Map.of(
                "source.jdbc-url", "jdbc:postgresql://postgres:5432/app",
                "source.user", "contactsync",
                "kafka.bootstrap-servers", "kafka:9092",
                "job.mode", mode));
        Configuration pipeline = new Configuration();
        pipeline.set(PipelineOptions.GENERIC_TYPES, flink.get(PipelineOptions.GENERIC_TYPES));
        pipeline.set(PipelineOptions.AUTO_GENERATE_UIDS, flink.get(PipelineOptions.AUTO_GENERATE_UIDS));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(pipeline);

        ContactSyncPipeline.build(env, JobParts.of(config, config.mode().readsChanges() ? ChangeSourceFactory.earliest() : null));
        // Hashing every operator (uids) and creating every edge serializer (no Kryo) happen here.
        JobGraph graph = env.getStreamGraph().getJobGraph();

        assertThat(graph.getVertices()).extracting(JobVertex::getName).isNotEmpty();
    }

    @Test
    void anOperatorWithoutUidIsRejectedUnderThisConfiguration() {
        // The control for the test above: the setting is enforced where the job graph is built.
        Configuration pipeline = new Configuration();
        pipeline.set(PipelineOptions.AUTO_GENERATE_UIDS, flink.get(PipelineOptions.AUTO_GENERATE_UIDS));
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(pipeline);
        env.fromSequence(1, 10).uid("numbers")
                .map(n -> n + 1).returns(Types.LONG)
                .sinkTo(new DiscardingSink<>()).uid("discard");

        assertThatThrownBy(env::getStreamGraph).isInstanceOf(IllegalStateException.class).hasMessageContaining("UID");
    }
}
