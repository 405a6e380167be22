package com.contactsync.embedded;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Reads a whole topic from its beginning without a consumer group: what a test sees in Kafka. */
public final class TopicReader {

    /** One record with its key and value as UTF-8 text (null stays null). */
    record Record(int partition, long offset, String key, String value) {
    }

    private TopicReader() {
    }

    /**
     * Reads until at least {@code expected} records arrived or {@code timeout} passed; then returns
     * what it has, ordered by partition and offset.
     */
    static List<Record> readAll(String bootstrapServers, String topic, int expected, Duration timeout) {
        try (KafkaConsumer<byte[], byte[]> consumer = fromBeginning(bootstrapServers, topic)) {
            List<Record> records = new ArrayList<>();
            long deadline = System.nanoTime() + timeout.toNanos();
            while (records.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<byte[], byte[]> r : consumer.poll(Duration.ofMillis(200))) {
                    records.add(new Record(r.partition(), r.offset(), text(r.key()), text(r.value())));
                }
            }
            records.sort(Comparator.comparingInt(Record::partition).thenComparingLong(Record::offset));
            return records;
        }
    }

    /**
     * A consumer without a group, assigned every partition of the topic and placed at its
     * beginning; committed records only. The caller closes it.
     */
    public static KafkaConsumer<byte[], byte[]> fromBeginning(String bootstrapServers, String topic) {
        KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false",
                ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"));
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(30))) {
            partitions.add(new TopicPartition(topic, info.partition()));
        }
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        return consumer;
    }

    private static String text(byte[] bytes) {
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }
}
