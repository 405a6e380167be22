package com.contactsync.source.change;

import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializerValidator;

import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.Map;
import java.util.Properties;

/**
 * Starting offsets whose reset strategy is {@code none}. The Kafka source forces the consumer's
 * {@code auto.offset.reset} from the starting offsets' strategy (KafkaSourceBuilder 4.0.1), and with
 * {@code earliest} a restored offset that retention deleted would jump to the earliest one
 * without a word; with {@code none} the consumer throws instead.
 */
final class NoResetOffsets implements OffsetsInitializer, OffsetsInitializerValidator {

    private static final long serialVersionUID = 1L;

    private final OffsetsInitializer offsets;

    private NoResetOffsets(OffsetsInitializer offsets) {
        this.offsets = offsets;
    }

    static OffsetsInitializer of(OffsetsInitializer offsets) {
        return offsets instanceof NoResetOffsets ? offsets : new NoResetOffsets(offsets);
    }

    @Override
    public Map<TopicPartition, Long> getPartitionOffsets(Collection<TopicPartition> partitions,
            PartitionOffsetsRetriever partitionOffsetsRetriever) {
        return offsets.getPartitionOffsets(partitions, partitionOffsetsRetriever);
    }

    @Override
    public OffsetResetStrategy getAutoOffsetResetStrategy() {
        return OffsetResetStrategy.NONE;
    }

    @Override
    public void validate(Properties kafkaSourceProperties) throws IllegalStateException {
        if (offsets instanceof OffsetsInitializerValidator validator) {
            validator.validate(kafkaSourceProperties);
        }
    }
}
