package com.contactsync;

import com.contactsync.embedded.TopicReader;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;

/** What the change topic holds, read whole from its beginning without a consumer group. */
record ChangeTopicContents(long records, long profileUpdates, long placeholderUpdates) {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Reads every record up to the topic's current end and counts the updates whose contacts are the placeholder. */
    static ChangeTopicContents read(String bootstrapServers, String topic, String placeholder) {
        try (KafkaConsumer<byte[], byte[]> consumer = TopicReader.fromBeginning(bootstrapServers, topic)) {
            Map<TopicPartition, Long> end = consumer.endOffsets(consumer.assignment());
            long records = 0;
            long updates = 0;
            long placeholders = 0;
            long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
            while (!reached(consumer, end)) {
                if (System.nanoTime() > deadline) {
                    throw new AssertionError("could not read " + topic + " to its end " + end + " within a minute");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    records++;
                    JsonNode after = profileUpdateAfter(record.value());
                    if (after != null) {
                        updates++;
                        JsonNode contacts = after.get("contacts");
                        if (contacts != null && contacts.isTextual() && placeholder.equals(contacts.textValue())) {
                            placeholders++;
                        }
                    }
                }
            }
            return new ChangeTopicContents(records, updates, placeholders);
        }
    }

    private static boolean reached(KafkaConsumer<byte[], byte[]> consumer, Map<TopicPartition, Long> end) {
        for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
            if (consumer.position(e.getKey()) < e.getValue()) {
                return false;
            }
        }
        return true;
    }

    /** The after-image of an update of the profile table, or null for any other record. */
    private static JsonNode profileUpdateAfter(byte[] value) {
        if (value == null) {
            return null;
        }
        try {
            JsonNode root = JSON.readTree(value);
            JsonNode envelope = root != null && root.has("payload") && root.has("schema") ? root.get("payload") : root;
            if (envelope == null || !envelope.isObject() || !"u".equals(envelope.path("op").asText())
                    || !"profile".equals(envelope.path("source").path("table").asText())) {
                return null;
            }
            return envelope.get("after");
        } catch (IOException e) {
            return null; // garbage put there on purpose by a test
        }
    }
}
