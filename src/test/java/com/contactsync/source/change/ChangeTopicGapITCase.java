package com.contactsync.source.change;

import static com.contactsync.source.change.DebeziumFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.embedded.EmbeddedKafkaBroker;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.sink.TargetSchema;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.core.execution.SavepointFormatType;
import org.apache.flink.runtime.jobgraph.SavepointRestoreSettings;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.streaming.api.graph.StreamGraph;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.flink.util.ExceptionUtils;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * A job restored from a savepoint whose change-topic offset retention has deleted meanwhile never
 * continues silently: with {@code live.on-gap: fail} it fails at once with the gap and the remedy;
 * with {@code resnapshot} it records the gap, requests a re-snapshot and reads on.
 */
class ChangeTopicGapITCase {

    private static final Duration TIMEOUT = Duration.ofSeconds(90);

    @RegisterExtension
    static final MiniClusterExtension FLINK = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .setConfiguration(restartingCluster())
            .build());

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static EmbeddedKafkaBroker kafka;

    @BeforeAll
    static void startBroker() {
        // Retention is enforced by a periodic task: run it often, from the start.
        kafka = EmbeddedKafkaBroker.builder()
                .brokerProperty("log.retention.check.interval.ms", "100")
                .brokerProperty("log.initial.task.delay.ms", "0")
                .start();
    }

    @AfterAll
    static void stopBroker() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void aGapLeftByRetentionFailsTheRestoredJobWithTheRemedy(@TempDir Path savepoints) throws Exception {
        String topic = "gap-fail";
        String savepoint = consumeThreeEventsAndStop(topic, GapHandler.failing(), savepoints);
        expireEverythingBefore(topic, 3);

        JobClient restored = submit(topic, GapHandler.failing(), savepoint);

        assertThatThrownBy(() -> restored.getJobExecutionResult().get(TIMEOUT.toMillis(), TimeUnit.MILLISECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(ExceptionUtils.findThrowable(e, ChangeTopicGapException.class)).get()
                        .extracting(Throwable::getMessage).asString()
                        .contains("Gap in the change topic")
                        .contains("continue at offset 3 of gap-fail partition 0")
                        .contains("./contactsync backfill request --all")
                        .contains("--fresh"));
        assertThat(restored.getJobStatus().get()).isEqualTo(JobStatus.FAILED);
        assertThat(committedOffset(topic)).as("the job never moved past the gap").isEqualTo(3);
    }

    @Test
    void withResnapshotTheGapIsRecordedTheResnapshotRequestedAndReadingGoesOn(@TempDir Path savepoints) throws Exception {
        String topic = "gap-resnapshot";
        JdbcEndpoint target = POSTGRES.newDatabase();
        TargetSchema.migrate(target);
        try (Connection c = target.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE resnapshot_request (reason text NOT NULL)");
        }
        GapHandler onGap = GapOptions.handler(GapOptions.OnGap.RESNAPSHOT, target, reason -> {
            try (Connection c = target.connect(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO resnapshot_request VALUES ('" + reason.replace("'", "''") + "')");
            }
        });
        String savepoint = consumeThreeEventsAndStop(topic, onGap, savepoints);
        long earliest = expireEverythingBefore(topic, 3);

        JobClient restored = submit(topic, onGap, savepoint);
        try {
            long end = endOffset(topic);
            await("the restored job commits the topic's end offset " + end, () -> committedOffset(topic), end);
            assertThat(restored.getJobStatus().get()).isEqualTo(JobStatus.RUNNING);
        } finally {
            restored.cancel().get();
        }
        try (Connection c = target.connect(); Statement s = c.createStatement();
                ResultSet gaps = s.executeQuery("SELECT topic, partition, expected_offset, earliest_offset FROM contactsync_gap")) {
            assertThat(gaps.next()).as("a recorded gap").isTrue();
            assertThat(gaps.getString(1)).isEqualTo(topic);
            assertThat(gaps.getInt(2)).isZero();
            assertThat(gaps.getLong(3)).isEqualTo(3);
            assertThat(gaps.getLong(4)).isGreaterThanOrEqualTo(earliest);
            ResultSet requests = c.createStatement().executeQuery("SELECT reason FROM resnapshot_request");
            assertThat(requests.next()).as("a re-snapshot request").isTrue();
            assertThat(requests.getString(1)).contains(topic + "-0 expected 3");
        }
    }

    /** Creates the topic, lets a job read three events and commit them, stops it with a savepoint. */
    private static String consumeThreeEventsAndStop(String topic, GapHandler onGap, Path savepoints) throws Exception {
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        }
        produce(topic, 3);
        JobClient job = submit(topic, onGap, null);
        await("the job commits offset 3", () -> committedOffset(topic), 3);
        return job.stopWithSavepoint(false, savepoints.toUri().toString(), SavepointFormatType.CANONICAL).get();
    }

    /**
     * Gives the topic a tiny retention and produces until the partition's earliest offset has
     * passed {@code offset}: segments roll on every append after 100 ms and are deleted 500 ms later.
     */
    private static long expireEverythingBefore(String topic, long offset) throws Exception {
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", "500"), AlterConfigOp.OpType.SET),
                    new AlterConfigOp(new ConfigEntry("segment.ms", "100"), AlterConfigOp.OpType.SET)))).all().get();
        }
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        while (earliestOffset(topic) <= offset) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("retention did not delete offset " + offset + " of " + topic);
            }
            produce(topic, 1);
            Thread.sleep(200);
        }
        // Give the retention back, so that what the restored job reads stays.
        try (Admin admin = admin()) {
            ConfigResource resource = new ConfigResource(ConfigResource.Type.TOPIC, topic);
            admin.incrementalAlterConfigs(Map.of(resource, List.of(
                    new AlterConfigOp(new ConfigEntry("retention.ms", ""), AlterConfigOp.OpType.DELETE),
                    new AlterConfigOp(new ConfigEntry("segment.ms", ""), AlterConfigOp.OpType.DELETE)))).all().get();
        }
        produce(topic, 2);
        return earliestOffset(topic);
    }

    private static JobClient submit(String topic, GapHandler onGap, String savepoint) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(200);
        env.setParallelism(1);
        env.fromSource(ChangeSourceFactory.create(kafka.bootstrapServers(), topic, group(topic), ChangeSourceFactory.earliest(),
                        settings(), onGap), WatermarkStrategy.noWatermarks(), "changes")
                .uid("change-source")
                .sinkTo(new DiscardingSink<>())
                .uid("discard");
        StreamGraph graph = env.getStreamGraph();
        if (savepoint != null) {
            graph.setSavepointRestoreSettings(SavepointRestoreSettings.forPath(savepoint, false));
        }
        return env.executeAsync(graph);
    }

    private static void produce(String topic, int events) {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                "bootstrap.servers", kafka.bootstrapServers(),
                "key.serializer", StringSerializer.class.getName(),
                "value.serializer", StringSerializer.class.getName()))) {
            for (int i = 0; i < events; i++) {
                producer.send(new ProducerRecord<>(topic, "{\"id\":" + i + "}", "not a change event"));
            }
            producer.flush();
        }
    }

    private static long committedOffset(String topic) throws Exception {
        try (Admin admin = admin()) {
            OffsetAndMetadata committed = admin.listConsumerGroupOffsets(group(topic)).partitionsToOffsetAndMetadata().get()
                    .get(new TopicPartition(topic, 0));
            return committed == null ? -1 : committed.offset();
        }
    }

    private static long earliestOffset(String topic) throws Exception {
        return offset(topic, OffsetSpec.earliest());
    }

    private static long endOffset(String topic) throws Exception {
        return offset(topic, OffsetSpec.latest());
    }

    private static long offset(String topic, OffsetSpec spec) throws Exception {
        TopicPartition tp = new TopicPartition(topic, 0);
        try (Admin admin = admin()) {
            return admin.listOffsets(Map.of(tp, spec)).partitionResult(tp).get().offset();
        }
    }

    private static void await(String what, ThrowingLongSupplier value, long expected) throws Exception {
        long deadline = System.nanoTime() + TIMEOUT.toNanos();
        long last;
        while ((last = value.get()) != expected) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; last " + last);
            }
            Thread.sleep(100);
        }
    }

    private interface ThrowingLongSupplier {
        long get() throws Exception;
    }

    private static String group(String topic) {
        return "group-" + topic;
    }

    private static Admin admin() {
        return Admin.create(Map.of("bootstrap.servers", kafka.bootstrapServers()));
    }

    private static Configuration restartingCluster() {
        Configuration conf = new Configuration();
        // Restarts are allowed: a gap must fail the job anyway, not be retried into a loop.
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 3);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(200));
        return conf;
    }
}
