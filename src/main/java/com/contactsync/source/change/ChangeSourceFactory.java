package com.contactsync.source.change;

import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;

import org.apache.kafka.clients.CommonClientConfigs;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

import java.util.Map;
import java.util.Properties;

/**
 * Builds the Kafka source of the profile change topic. Offsets are committed to the group on
 * checkpoints (the connector's default) for monitoring only: on restore the checkpoint's offsets
 * win, and the starting offsets apply only to a job started without state.
 *
 * <p>An offset the topic no longer holds (retention) is never skipped: the consumer's reset policy
 * is {@code none} whatever the starting offsets say, and every split's offset is checked against
 * the partition before reading; a gap goes to the {@link GapHandler} ({@code live.on-gap}).
 */
public final class ChangeSourceFactory {

    private ChangeSourceFactory() {}

    /** The change source; a gap in the topic fails the job ({@code live.on-gap: fail}). */
    public static GapCheckedSource<ChangeRecord> create(
            String bootstrapServers, String topic, String groupId, OffsetsInitializer startingOffsets, ChangeParserSettings settings) {
        return create(bootstrapServers, topic, groupId, startingOffsets, settings, GapHandler.failing());
    }

    /** The change source; a gap in the topic goes to {@code onGap} (see {@link GapOptions#handler}). */
    public static GapCheckedSource<ChangeRecord> create(String bootstrapServers, String topic, String groupId,
            OffsetsInitializer startingOffsets, ChangeParserSettings settings, GapHandler onGap) {
        requireText(bootstrapServers, "the Kafka bootstrap servers");
        requireText(topic, "the change topic");
        requireText(groupId, "the consumer group id");
        if (startingOffsets == null) {
            throw new IllegalArgumentException("starting offsets are required: use earliest() or startingAt(offsets)");
        }
        if (onGap == null) {
            throw new IllegalArgumentException("a gap handler is required: GapHandler.failing() or GapOptions.handler(...)");
        }
        KafkaSource<ChangeRecord> source = KafkaSource.<ChangeRecord>builder()
                .setBootstrapServers(bootstrapServers)
                .setTopics(topic)
                .setGroupId(groupId)
                // Reset policy none: the builder forces auto.offset.reset from this, and earliest would jump gaps silently.
                .setStartingOffsets(NoResetOffsets.of(startingOffsets))
                .setDeserializer(new ChangeRecordDeserializer(settings))
                // Debezium-side producers may write in transactions: never see aborted changes.
                .setProperty("isolation.level", "read_committed")
                .build();
        Properties admin = new Properties();
        admin.setProperty(CommonClientConfigs.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        admin.setProperty(CommonClientConfigs.CLIENT_ID_CONFIG, groupId + "-gap-check");
        return new GapCheckedSource<>(source, admin, onGap);
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
