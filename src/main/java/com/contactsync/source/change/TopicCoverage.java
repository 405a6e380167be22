package com.contactsync.source.change;

import com.contactsync.config.JdbcEndpoint;


import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Proves, before the backfill reads a single row, that the change topic carries every change
 * committed from now on (the watermark idea of Netflix's DBLog): it records the topic's end
 * offsets, commits a marker row to a table the CDC connector captures, and waits until that
 * marker comes back through the topic at or after those offsets. Every change committed after
 * the marker then follows it in the topic, so a job reading from the recorded offsets sees every
 * change that the backfill's reads could have missed.
 */
public final class TopicCoverage {

    private static final Logger LOG = LoggerFactory.getLogger(TopicCoverage.class);

    private TopicCoverage() {}

    /** Returns the offsets the job must start reading at; fails if the marker does not come back in time. */
    public static Map<TopicPartition, Long> establish(JdbcEndpoint source, LiveSettings live, ChangeParserSettings parser) {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(consumerProperties(live))) {
            List<TopicPartition> partitions = partitions(consumer, live);
            Map<TopicPartition, Long> start = new HashMap<>(consumer.endOffsets(partitions));
            String marker = UUID.randomUUID().toString();
            writeMarker(source, live, marker);
            consumer.assign(partitions);
            start.forEach(consumer::seek);
            awaitMarker(consumer, live, parser, marker);
            LOG.info("change topic {} covers the backfill: marker seen; reading starts at {}", live.topic(), start);
            return start;
        }
    }

    static List<TopicPartition> partitions(KafkaConsumer<byte[], byte[]> consumer, LiveSettings live) {
        List<PartitionInfo> infos = consumer.partitionsFor(live.topic(), Duration.ofSeconds(30));
        if (infos == null || infos.isEmpty()) {
            throw new IllegalStateException("the change topic " + live.topic() + " does not exist on " + live.bootstrapServers());
        }
        List<TopicPartition> partitions = new ArrayList<>();
        for (PartitionInfo info : infos) {
            partitions.add(new TopicPartition(info.topic(), info.partition()));
        }
        return partitions;
    }

    static void writeMarker(JdbcEndpoint source, LiveSettings live, String marker) {
        String table = live.watermarkTable().quoted();
        try (Connection c = source.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute("CREATE TABLE IF NOT EXISTS " + table
                        + " (id int PRIMARY KEY, marker text NOT NULL, written_at timestamptz NOT NULL DEFAULT now())");
            }
            try (PreparedStatement s = c.prepareStatement("INSERT INTO " + table + " (id, marker) VALUES (1, ?)"
                    + " ON CONFLICT (id) DO UPDATE SET marker = EXCLUDED.marker, written_at = now()")) {
                s.setString(1, marker);
                s.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not write the coverage marker to " + live.watermarkTable(), e);
        }
    }

    static void awaitMarker(
            KafkaConsumer<byte[], byte[]> consumer, LiveSettings live, ChangeParserSettings parser, String marker) {
        ChangeEventParser events = new ChangeEventParser(parser);
        long deadline = System.nanoTime() + live.coverageTimeout().toNanos();
        boolean[] seen = {false};
        while (!seen[0]) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the coverage marker did not come back through " + live.topic()
                        + " within " + live.coverageTimeout() + ": is the CDC connector running, and does it capture "
                        + live.watermarkTable() + "? The backfill must not start before the topic covers it.");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                events.parse(record.topic(), record.partition(), record.offset(), record.key(), record.value(), parsed -> {
                    if (parsed.kind == ChangeRecord.Kind.MARKER && marker.equals(parsed.markerId)) {
                        seen[0] = true;
                    }
                });
            }
        }
    }

    static Properties consumerProperties(LiveSettings live) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, live.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
        props.put(ConsumerConfig.CLIENT_ID_CONFIG, "contactsync-coverage");
        return props;
    }
}
