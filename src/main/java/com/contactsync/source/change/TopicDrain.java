package com.contactsync.source.change;

import com.contactsync.config.JdbcEndpoint;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;

/**
 * Waits until the job has applied every change committed in the source up to now: a watermark
 * round trip proves the CDC published everything before it, and the job's committed offsets
 * (Flink commits them when a checkpoint completes, after the sink committed that checkpoint's
 * transaction) reaching the topic's end prove the job applied it.
 */
public final class TopicDrain {

    private static final Logger LOG = LoggerFactory.getLogger(TopicDrain.class);

    /** Row 1 of the watermark table is the coverage marker's; the drain's rows follow it. */
    private static final int FIRST_NUDGE_ROW = 2;
    private static final int NUDGE_ROWS = 16;

    private TopicDrain() {}

    public static void await(JdbcEndpoint source, LiveSettings live, ChangeParserSettings parser, Duration timeout)
            throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        // With unaligned checkpoints an offset committed with checkpoint N may belong to a change
        // still in flight at N's barrier: kept in N's channel state, it is written before barrier
        // N+1 and committed by N+1. A second round, whose marker is published after N completed,
        // is committed no earlier than N+1, and so proves the first round's changes applied.
        Map<TopicPartition, Long> end = null;
        for (int round = 0; round < 2; round++) {
            end = awaitRound(source, live, parser, deadline, timeout);
        }
        LOG.info("change topic {} drained: the job applied every change up to {}", live.topic(), end);
    }

    private static Map<TopicPartition, Long> awaitRound(JdbcEndpoint source, LiveSettings live, ChangeParserSettings parser,
            long deadline, Duration timeout) throws InterruptedException {
        Map<TopicPartition, Long> end;
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(TopicCoverage.consumerProperties(live))) {
            List<TopicPartition> partitions = TopicCoverage.partitions(consumer, live);
            Map<TopicPartition, Long> before = consumer.endOffsets(partitions);
            String marker = UUID.randomUUID().toString();
            TopicCoverage.writeMarker(source, live, marker);
            consumer.assign(partitions);
            before.forEach(consumer::seek);
            TopicCoverage.awaitMarker(consumer, live, parser, marker);
            end = consumer.endOffsets(partitions);
        }
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, live.bootstrapServers());
        try (Admin admin = Admin.create(props); Connection nudging = source.connect()) {
            long n = 0;
            while (!reached(admin, live.groupId(), end)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("the job did not drain the change topic within " + timeout);
                }
                nudge(nudging, live, n++);
                Thread.sleep(300);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not connect to the source to drain the change topic", e);
        }
        return end;
    }

    /**
     * flink-connector-kafka 4.0.1 commits a checkpoint's offsets on the split fetcher's thread,
     * which sits in a poll of up to 10 s (hard-coded; FLINK-40367) while its partition is idle, so
     * an idle partition's committed offset lags up to 10 s behind what the job applied. A few
     * watermark rows, keyed over every partition, end those polls: they are coverage markers to the
     * job, never profile changes, so they change nothing in the tables.
     */
    private static void nudge(Connection source, LiveSettings live, long round) {
        try (PreparedStatement s = source.prepareStatement("INSERT INTO " + live.watermarkTable().quoted()
                + " (id, marker) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET marker = EXCLUDED.marker, written_at = now()")) {
            for (int row = 0; row < NUDGE_ROWS; row++) {
                s.setInt(1, FIRST_NUDGE_ROW + row);
                s.setString(2, "drain-" + round);
                s.addBatch();
            }
            s.executeBatch();
        } catch (SQLException e) {
            LOG.debug("could not nudge the change topic; the drain goes on at the connector's pace", e);
        }
    }

    private static boolean reached(Admin admin, String group, Map<TopicPartition, Long> end) {
        try {
            Map<TopicPartition, OffsetAndMetadata> committed =
                    admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
            for (Map.Entry<TopicPartition, Long> e : end.entrySet()) {
                OffsetAndMetadata at = committed.get(e.getKey());
                if (e.getValue() > 0 && (at == null || at.offset() < e.getValue())) {
                    return false;
                }
            }
            return true;
        } catch (Exception e) {
            LOG.debug("could not read the committed offsets of group {} yet", group, e);
            return false;
        }
    }
}
