package com.contactsync.embedded;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;

class EmbeddedKafkaBrokerITCase {

    private static final int RECORDS = 1_000;

    @Test
    void recordsProducedBeforeARestartAreStillThereAfterIt() throws Exception {
        long started = System.nanoTime();
        try (EmbeddedKafkaBroker broker = EmbeddedKafkaBroker.start()) {
            Duration startup = Duration.ofNanos(System.nanoTime() - started);
            assertThat(startup).as("broker start-up").isLessThan(Duration.ofSeconds(10));
            assertThat(broker.bootstrapServers()).startsWith("127.0.0.1:");
            broker.createTopic("numbers", 3);

            produceNumbers(broker.bootstrapServers(), "numbers");
            List<TopicReader.Record> before = TopicReader.readAll(broker.bootstrapServers(), "numbers", RECORDS, Duration.ofSeconds(20));
            assertThat(before).hasSize(RECORDS);
            assertThat(before).extracting(TopicReader.Record::value)
                    .containsExactlyInAnyOrderElementsOf(IntStream.range(0, RECORDS).mapToObj(i -> "value-" + i).toList());

            String address = broker.bootstrapServers();
            broker.stop();
            assertThat(broker.isRunning()).isFalse();
            broker.restart();
            assertThat(broker.bootstrapServers()).isEqualTo(address);

            List<TopicReader.Record> after = TopicReader.readAll(broker.bootstrapServers(), "numbers", RECORDS, Duration.ofSeconds(20));
            assertThat(after).containsExactlyInAnyOrderElementsOf(before);
            System.out.printf("embedded Kafka broker started in %d ms%n", startup.toMillis());
        }
    }

    private static void produceNumbers(String bootstrapServers, String topic) throws Exception {
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName()))) {
            for (int i = 0; i < RECORDS; i++) {
                producer.send(new ProducerRecord<>(topic, "key-" + i, "value-" + i));
            }
            producer.flush();
        }
    }
}
