package com.contactsync.embedded;

import io.debezium.DebeziumException;
import io.debezium.engine.ChangeEvent;
import io.debezium.engine.DebeziumEngine;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Publishes each batch of Debezium change events to one Kafka topic, in order, and only then marks
 * the batch processed: the engine's offset never passes a change Kafka has not acknowledged.
 */
final class ChangeCapturePublisher implements DebeziumEngine.ChangeConsumer<ChangeEvent<byte[], byte[]>>, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChangeCapturePublisher.class);

    private final KafkaProducer<byte[], byte[]> producer;
    private final String topic;
    private final Set<String> tableDestinations;
    private final AtomicLong published = new AtomicLong();

    ChangeCapturePublisher(String bootstrapServers, String clientId, String topic, Set<String> tableDestinations) {
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.CLIENT_ID_CONFIG, clientId,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true",
                ProducerConfig.LINGER_MS_CONFIG, "5",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName()));
        this.topic = topic;
        this.tableDestinations = tableDestinations;
    }

    @Override
    public void handleBatch(List<ChangeEvent<byte[], byte[]>> events,
                            DebeziumEngine.RecordCommitter<ChangeEvent<byte[], byte[]>> committer)
            throws InterruptedException {
        List<Future<RecordMetadata>> sends = new ArrayList<>(events.size());
        for (ChangeEvent<byte[], byte[]> event : events) {
            // Heartbeats and logical decoding messages only move the offset; they are not table changes.
            if (tableDestinations.contains(event.destination())) {
                // The key is Debezium's JSON key ({"id":...}): the default partitioner keeps a profile on one partition.
                sends.add(producer.send(new ProducerRecord<>(topic, event.key(), event.value())));
            }
        }
        producer.flush();
        for (Future<RecordMetadata> send : sends) {
            try {
                send.get();
            } catch (ExecutionException e) {
                throw new DebeziumException("could not publish a change event to " + topic, e.getCause());
            }
        }
        published.addAndGet(sends.size());
        for (ChangeEvent<byte[], byte[]> event : events) {
            committer.markProcessed(event);
        }
        committer.markBatchFinished();
        LOG.debug("published {} of {} change events to {}", sends.size(), events.size(), topic);
    }

    long published() {
        return published.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
