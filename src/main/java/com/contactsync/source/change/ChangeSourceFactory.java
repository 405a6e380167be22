package com.contactsync.source.change;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;

/**
 * Builds the Kafka source of the profile change topic. Offsets are committed to the group on
 * checkpoints (the connector's default) for monitoring only: on restore the checkpoint's offsets
 * win, and the starting offsets apply only to a job started without state.
 */
public final class ChangeSourceFactory {

    private ChangeSourceFactory() {}

    public static KafkaSource<ChangeRecord> create(
            String bootstrapServers, String topic, String groupId, OffsetsInitializer startingOffsets, ChangeParserSettings settings) {
        requireText(bootstrapServers, "the Kafka bootstrap servers");
        requireText(topic, "the change topic");
        requireText(groupId, "the consumer group id");
        if (startingOffsets == null) {
            throw new IllegalArgumentException("starting offsets are required: use earliest() or startingAt(offsets)");
        }
        return KafkaSource.<ChangeRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(startingOffsets)
                .setDeserializer(new ChangeRecordDeserializer(settings))
                // Debezium-side producers may write in transactions: never see aborted changes.
                .setProperty("isolation.level", "read_committed")
                .build();
    }

    /** Every partition from its earliest offset. */
    public static OffsetsInitializer earliest() {
        return OffsetsInitializer.earliest();
    }

    /**
     * The given partitions from the given offsets (the next record to read), e.g. the ones recorded
     * when a backfill started; partitions not in the map start from their earliest offset.
     */
    public static OffsetsInitializer startingAt(Map<TopicPartition, Long> offsets) {
        return offsets.isEmpty() ? earliest() : OffsetsInitializer.offsets(Map.copyOf(offsets), OffsetResetStrategy.EARLIEST);
    }

    private static void requireText(String value, String what) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(what + " must be set");
        }
    }
}
