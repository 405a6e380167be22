package com.contactsync.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.sink.TargetSchema;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.testutils.MiniClusterResourceConfiguration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Dead letters through the real sink on a MiniCluster into PostgreSQL: one row per Kafka record, bytes intact. */
class DeadLetterSinkITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension CLUSTER = new MiniClusterExtension(new MiniClusterResourceConfiguration.Builder()
            .setNumberTaskManagers(1)
            .setNumberSlotsPerTaskManager(2)
            .build());

    private static final long RECEIVED_AT = 1_763_700_000_123L;
    private static final byte[] BINARY = {0, (byte) 0xFF, (byte) 0xC3, '(', 0, 'x'};

    private static final DeadLetter NOT_JSON = DeadLetter.of("changes", 0, 10, "value is not valid UTF-8", BINARY, RECEIVED_AT);
    private static final DeadLetter TRUNCATE = DeadLetter.of("changes", 0, 11, "truncate events are not supported: run a backfill",
            "{\"op\":\"t\"}".getBytes(), RECEIVED_AT);
    private static final DeadLetter NULL_VALUE = DeadLetter.of("changes", 1, 10, "op is missing", null, RECEIVED_AT);
    private static final DeadLetter OTHER_TOPIC = DeadLetter.of("other", 0, 10, "unknown op", new byte[DeadLetter.MAX_RAW_BYTES + 1], RECEIVED_AT);

    private JdbcEndpoint db;

    @BeforeEach
    void createSchema() throws SQLException {
        db = POSTGRES.newDatabase();
        assertThat(TargetSchema.migrate(db)).isGreaterThanOrEqualTo(2);
    }

    @Test
    void eachRecordIsStoredOnceWithItsBytesEvenWhenReplayed() throws Exception {
        DeadLetter withoutReason = DeadLetter.of("changes", 2, 5, "x", null, RECEIVED_AT);
        withoutReason.reason = null; // built by hand, not by the factory
        DeadLetter duplicate = DeadLetter.of("changes", 0, 10, "value is not valid UTF-8", BINARY, RECEIVED_AT);
        // Parsed again after a restore: same coordinates, received later. The first row stays.
        DeadLetter replayed = DeadLetter.of("changes", 0, 11, "value is not valid JSON", BINARY, RECEIVED_AT + 5_000);

        runJob(NOT_JSON, TRUNCATE, NULL_VALUE, OTHER_TOPIC, duplicate, withoutReason);
        runJob(replayed, NULL_VALUE);

        assertThat(rows()).containsExactly(
                "changes|0|10|value is not valid UTF-8|6|" + RECEIVED_AT,
                "changes|0|11|truncate events are not supported: run a backfill|10|" + RECEIVED_AT,
                "changes|1|10|op is missing|-1|" + RECEIVED_AT,
                "changes|2|5|unknown reason|-1|" + RECEIVED_AT,
                "other|0|10|unknown op|" + (DeadLetter.MAX_RAW_BYTES + 1) + "|" + RECEIVED_AT);
        assertThat(rawValue("changes", 0, 10)).isEqualTo(BINARY);
        assertThat(rawValue("changes", 1, 10)).isNull();
        assertThat(rawValue("other", 0, 10)).hasSize(DeadLetter.MAX_RAW_BYTES);
    }

    private void runJob(DeadLetter... letters) throws Exception {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.setParallelism(2);
        env.fromData(TypeInformation.of(DeadLetter.class), letters)
                .sinkTo(DeadLetterSink.create(db))
                .name("dead letters");
        env.execute("dead-letter-sink-itcase");
    }

    private List<String> rows() throws SQLException {
        String sql = "SELECT topic || '|' || kafka_partition || '|' || kafka_offset || '|' || reason || '|' || raw_length"
                + " || '|' || (extract(epoch FROM received_at) * 1000)::bigint FROM contactsync_dead_letter"
                + " ORDER BY topic, kafka_partition, kafka_offset";
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                rows.add(r.getString(1));
            }
        }
        return rows;
    }

    private byte[] rawValue(String topic, int partition, long offset) throws SQLException {
        String sql = "SELECT raw_value FROM contactsync_dead_letter WHERE topic = ? AND kafka_partition = ? AND kafka_offset = ?";
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, topic);
            s.setInt(2, partition);
            s.setLong(3, offset);
            try (ResultSet r = s.executeQuery()) {
                assertThat(r.next()).isTrue();
                return r.getBytes(1);
            }
        }
    }
}
