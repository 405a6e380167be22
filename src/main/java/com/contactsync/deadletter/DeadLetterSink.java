package com.contactsync.deadletter;

import com.contactsync.config.JdbcEndpoint;

import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;

/**
 * The sink that stores dead letters in {@code contactsync_dead_letter} (migration V2).
 *
 * <p>Delivery is at-least-once: the connector flushes its batch on every checkpoint, and after a
 * failure the source replays from the last checkpoint, so a dead letter may be written twice. The
 * insert is keyed by the record's Kafka coordinates and does nothing on conflict
 * ({@link DeadLetterStatement}), so the effect is exactly once: one row per bad record. This needs
 * no XA transactions, prepared-transaction slots or checkpoint-bound visibility: dead letters
 * show up within about a second.
 */
public final class DeadLetterSink {

    static final int BATCH_SIZE = 100;
    static final long BATCH_INTERVAL_MS = 1_000;
    static final int MAX_RETRIES = 3;

    private DeadLetterSink() {}

    /** A sink writing to {@code target}; the password is read from its environment variable where the sink runs. */
    public static JdbcSink<DeadLetter> create(JdbcEndpoint target) {
        JdbcExecutionOptions execution =
                JdbcExecutionOptions.builder()
                        .withBatchSize(BATCH_SIZE)
                        .withBatchIntervalMs(BATCH_INTERVAL_MS)
                        // Safe to retry: the insert is idempotent.
                        .withMaxRetries(MAX_RETRIES)
                        .build();
        return JdbcSink.<DeadLetter>builder()
                .withQueryStatement(DeadLetterStatement.SQL, new DeadLetterStatement())
                .withExecutionOptions(execution)
                .buildAtLeastOnce(new EnvPasswordConnectionProvider(target));
    }
}
