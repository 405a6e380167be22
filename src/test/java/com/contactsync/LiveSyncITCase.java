package com.contactsync;

import static org.assertj.core.api.Assertions.assertThat;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.contactsync.source.change.LiveSettings;
import com.contactsync.embedded.LiveTrafficKind;

import org.apache.flink.runtime.minicluster.MiniCluster;
import org.apache.flink.test.junit5.InjectMiniCluster;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.LongStream;

/**
 * End to end on the embedded stack (PostgreSQL, Kafka, Debezium, Flink): the backfill of 20,000
 * messy profiles runs while live traffic makes thousands of random changes, some to profiles whose
 * contacts are TOASTed; once traffic stops and the topic is drained the tables equal the source.
 * Garbage in the change topic becomes dead letters and the job goes on.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class LiveSyncITCase {

    private static final int PROFILES = 20_000;
    private static final int TOASTED = 30;
    private static final long CHANGES = 5_000;
    /** Per reader, so the backfill of ~20,000 rows by 2 readers lasts about 9 s. */
    private static final double BACKFILL_ROWS_PER_SECOND = 1_100;
    private static final double TRAFFIC_RATE = 600;
    /** Most changes must meet the backfill, not follow it: about 5,000 are made while it runs. */
    private static final long CHANGES_DURING_BACKFILL = 2_000;
    /** One name-only or contacts edit of a toasted profile every so often: ~40 a second. */
    private static final long TOAST_EDIT_PAUSE_MILLIS = 20;
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineRun.liveMiniCluster();

    /** Three fixed seeds; {@code -Dcontactsync.live-seeds=1,2,3} runs others (e.g. to chase a failure). */
    static LongStream seeds() {
        return Arrays.stream(System.getProperty("contactsync.live-seeds", "11,2024,90210").split(","))
                .mapToLong(seed -> Long.parseLong(seed.trim()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void tablesEqualTheSourceAfterABackfillUnderLiveTrafficAndDrain(long seed, @InjectMiniCluster MiniCluster cluster) throws Exception {
        try (LiveRun run = LiveRun.prepare(cluster, seed, PROFILES, TOASTED, BACKFILL_ROWS_PER_SECOND)) {
            assertThat(run.toasted().storedOutOfLine()).as("toasted profiles stored out of line").isEqualTo(TOASTED);
            long started = System.nanoTime();
            run.submit(PipelineRun::productionSink).startTraffic(TRAFFIC_RATE, TOAST_EDIT_PAUSE_MILLIS);

            run.awaitBackfillAndChanges(CHANGES, TIMEOUT);
            double backfillSeconds = (System.nanoTime() - started) / 1e9;
            run.stopTrafficAndDrain(TIMEOUT);
            run.job().cancel();

            Map<LiveTrafficKind, Long> counts = run.traffic().counts();
            assertThat(counts.values()).as("every kind of change was made: %s", counts).allMatch(n -> n > 0);
            assertThat(run.traffic().changesMade()).isGreaterThanOrEqualTo(CHANGES);
            assertThat(run.changesWhenBackfillFinished()).as("changes made while the backfill ran").isGreaterThanOrEqualTo(CHANGES_DURING_BACKFILL);
            ChangeTopicContents topic = ChangeTopicContents.read(
                    run.stack().kafka().bootstrapServers(), LiveSettings.from(run.config()).topic(), LiveSettings.from(run.config()).unavailablePlaceholder());
            assertThat(topic.placeholderUpdates()).as("updates carrying the unchanged-TOAST placeholder").isPositive();
            run.assertExact(0);
            assertThat(run.stack().capture().failure()).as("change capture failure").isEmpty();
            System.out.printf("seed %d: %,d changes %s, %,d of them while the backfill ran (%.1f s); %,d toasted-name edits,"
                            + " %,d placeholder updates in %,d topic records%n",
                    seed, run.traffic().changesMade(), counts, run.changesWhenBackfillFinished(), backfillSeconds,
                    run.toasted().nameEdits(), topic.placeholderUpdates(), topic.records());
        }
    }

    @Test
    void malformedChangeEventsLandInTheDeadLetterTableAndTheJobGoesOn(@InjectMiniCluster MiniCluster cluster) throws Exception {
        try (LiveRun run = LiveRun.prepare(cluster, 7, 5_000, 5, 1_000)) {
            run.submit(PipelineRun::productionSink).startTraffic(200, 100);
            // The garbage arrives among real changes, while the backfill runs.
            while (run.traffic().changesMade() < 300) {
                Thread.sleep(50);
            }
            String topic = LiveSettings.from(run.config()).topic();
            List<Garbage> garbage = List.of(
                    new Garbage(0, "{\"id\":1}", utf8("not json {"), "value is not valid JSON"),
                    new Garbage(1, "{\"id\":2}", utf8("{\"op\":\"x\",\"source\":{\"schema\":\"public\",\"table\":\"profile\"},"
                            + "\"after\":{\"id\":2,\"contacts\":null,\"country\":\"US\"}}"), "unknown op"),
                    new Garbage(0, null, utf8("{\"op\":\"c\",\"source\":{\"schema\":\"public\",\"table\":\"profile\",\"lsn\":1},"
                            + "\"after\":{\"contacts\":\"{}\",\"country\":\"US\"}}"), "id column 'id' is missing in the value and the key"),
                    new Garbage(1, "{\"id\":3}", new byte[] {'{', '"', 'o', 'p', '"', ':', '"', (byte) 0xC3, '(', '"', '}'},
                            "value is not valid UTF-8"));
            Map<Garbage, RecordMetadata> produced = produce(run.stack().kafka().bootstrapServers(), topic, garbage);

            run.awaitBackfillAndChanges(1_000, TIMEOUT);
            run.stopTrafficAndDrain(TIMEOUT);
            run.job().cancel();

            List<String> expected = new ArrayList<>();
            produced.forEach((g, at) -> expected.add(String.join("|", topic, String.valueOf(at.partition()),
                    String.valueOf(at.offset()), g.reason(), HexFormat.of().formatHex(g.value()), String.valueOf(g.value().length))));
            List<String> deadLetters = new ArrayList<>();
            try (Connection c = run.db().connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT topic, kafka_partition, kafka_offset, reason, raw_value, raw_length FROM contactsync_dead_letter")) {
                while (rs.next()) {
                    deadLetters.add(String.join("|", rs.getString(1), String.valueOf(rs.getInt(2)), String.valueOf(rs.getLong(3)),
                            rs.getString(4), HexFormat.of().formatHex(rs.getBytes(5)), String.valueOf(rs.getInt(6))));
                }
            }
            assertThat(deadLetters).as("one dead letter per bad record, at its coordinates, with its reason and bytes")
                    .containsExactlyInAnyOrderElementsOf(expected);
            run.assertExact(garbage.size());
        }
    }

    /** A bad record put straight into the change topic, and the reason the job must give for it. */
    private record Garbage(int partition, String key, byte[] value, String reason) {}

    private static Map<Garbage, RecordMetadata> produce(String bootstrapServers, String topic, List<Garbage> garbage) throws Exception {
        Map<Garbage, RecordMetadata> produced = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()))) {
            for (Garbage g : garbage) {
                byte[] key = g.key() == null ? null : utf8(g.key());
                produced.put(g, producer.send(new ProducerRecord<>(topic, g.partition(), key, g.value())).get());
            }
            // Records to skip, not dead letters: a tombstone and a change of another table.
            producer.send(new ProducerRecord<>(topic, 0, utf8("{\"id\":4}"), null)).get();
            producer.send(new ProducerRecord<>(topic, 1, utf8("{\"id\":5}"), utf8("{\"op\":\"c\",\"source\":{\"schema\":\"public\","
                    + "\"table\":\"invoice\"},\"after\":{\"id\":5}}"))).get();
        }
        return produced;
    }

    private static byte[] utf8(String text) {
        return text.getBytes(UTF_8);
    }
}
