package com.contactsync.embedded;

import com.contactsync.source.change.DebeziumJson;

import com.fasterxml.jackson.databind.JsonNode;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * When the change capture appended the first event of each given profile to the topic (the
 * record's timestamp, set by the publisher when it sends): the capture stage of commit-to-visible.
 */
public final class TopicArrivals {

    private TopicArrivals() {}

    /** Epoch milliseconds of the first record of each profile id in {@code ids}; ids never seen are absent. */
    public static Map<Long, Long> firstAppended(String bootstrapServers, String topic, Set<Long> ids) {
        Map<Long, Long> appended = new HashMap<>();
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 5_000))) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
                    .map(PartitionInfo::partition).map(p -> new TopicPartition(topic, p)).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(500))) {
                    JsonNode id = DebeziumJson.keyId(record.key(), "id");
                    if (id != null && ids.contains(id.asLong())) {
                        appended.putIfAbsent(id.asLong(), record.timestamp());
                    }
                }
            }
        }
        return appended;
    }
}
