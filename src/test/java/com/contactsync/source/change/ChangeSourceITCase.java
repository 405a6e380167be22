package com.contactsync.source.change;

import static com.contactsync.source.change.DebeziumFixtures.AFTER;
import static com.contactsync.source.change.DebeziumFixtures.CONTACTS;
import static com.contactsync.source.change.DebeziumFixtures.CREATE;
import static com.contactsync.source.change.DebeziumFixtures.DELETE;
import static com.contactsync.source.change.DebeziumFixtures.KEY;
import static com.contactsync.source.change.DebeziumFixtures.LSN;
import static com.contactsync.source.change.DebeziumFixtures.bytes;
import static com.contactsync.source.change.DebeziumFixtures.envelope;
import static com.contactsync.source.change.DebeziumFixtures.settings;
import static com.contactsync.source.change.DebeziumFixtures.source;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.embedded.KafkaExtension;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

/**
 * The change source against a real broker: committed changes arrive parsed, an aborted transaction's
 * never does (read_committed), bad records arrive as dead letters, and recorded offsets are honoured.
 */
class ChangeSourceITCase {

    private static final String TOPIC = "contactsync.public.profile";

    @RegisterExtension
    static final KafkaExtension KAFKA = new KafkaExtension();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(1)
            .build());

    /**
     * Offsets: 0 create, 1 delete, 2 commit marker, 3 aborted update, 4 abort marker,
     * 5 malformed, 6 watermark row, 7 commit marker.
     */
    @BeforeAll
    static void produceChanges() throws Exception {
        KAFKA.createTopic(TOPIC, 1);
        Map<String, Object> config = Map.of(
                "bootstrap.servers", KAFKA.bootstrapServers(),
                "transactional.id", "changesource-itcase",
                "key.serializer", ByteArraySerializer.class.getName(),
                "value.serializer", ByteArraySerializer.class.getName());
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(config)) {
            producer.initTransactions();
            producer.beginTransaction();
            send(producer, KEY, CREATE);
            send(producer, KEY, DELETE);
            producer.commitTransaction();
            producer.beginTransaction();
            send(producer, "{\"id\":99}", envelope("null", AFTER.replace("\"id\":5", "\"id\":99"), "u"));
            producer.flush();
            producer.abortTransaction();
            producer.beginTransaction();
            send(producer, KEY, "[]");
            send(producer, null, envelope("null", "{\"marker\":\"m-1\"}", source("public", "contactsync_watermark"), "c"));
            producer.commitTransaction();
        }
    }

    @Test
    void readsCommittedChangesOnlyFromTheEarliestOffset() throws Exception {
        List<ChangeRecord> records = read(ChangeSourceFactory.earliest(), "earliest", 4);

        assertThat(records.subList(0, 2)).containsExactly(
                ChangeRecord.profile(ProfileEvent.upsert(5, CONTACTS, "DE").inTransaction(DebeziumFixtures.TX_ID)),
                ChangeRecord.profile(ProfileEvent.delete(5).inTransaction(DebeziumFixtures.TX_ID)));
        assertThat(records.get(2).kind).as("the aborted update is skipped").isEqualTo(ChangeRecord.Kind.DEAD_LETTER);
        assertThat(records.get(2).deadLetter.offset).isEqualTo(5);
        assertThat(records.get(2).deadLetter.reason).isEqualTo("value is not a JSON object");
        assertThat(records.get(3)).isEqualTo(ChangeRecord.marker("m-1"));
    }

    @Test
    void startsAtTheRecordedOffsets() throws Exception {
        OffsetsInitializer recorded = ChangeSourceFactory.startingAt(Map.of(new TopicPartition(TOPIC, 0), 1L));
        List<ChangeRecord> records = read(recorded, "recorded", 3);
        assertThat(records.get(0)).isEqualTo(ChangeRecord.profile(ProfileEvent.delete(5).inTransaction(DebeziumFixtures.TX_ID)));
        assertThat(records.get(2)).isEqualTo(ChangeRecord.marker("m-1"));
    }

    private static List<ChangeRecord> read(OffsetsInitializer offsets, String group, int count) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(1);
        return env.fromSource(ChangeSourceFactory.create(KAFKA.bootstrapServers(), TOPIC, group, offsets, settings()),
                        WatermarkStrategy.noWatermarks(), "changes")
                .executeAndCollect(count);
    }

    private static void send(KafkaProducer<byte[], byte[]> producer, String key, String value) {
        producer.send(new ProducerRecord<>(TOPIC, bytes(key), bytes(value)));
    }
}
