package com.contactsync.sink;

import com.contactsync.config.JdbcEndpoint;

import org.apache.flink.connector.jdbc.JdbcExactlyOnceOptions;
import org.apache.flink.connector.jdbc.JdbcExecutionOptions;
import org.apache.flink.connector.jdbc.core.datastream.sink.JdbcSink;
import org.apache.flink.connector.jdbc.datasource.connections.xa.PoolingXaConnectionProvider;

import java.util.Optional;

/**
 * The connector's exactly-once (XA) JDBC sink, set up the way PostgreSQL and our guarantees need:
 * one transaction per connection, no retries (FLINK-22311), and orphan recovery that works.
 */
public final class ExactlyOnceProfileSink {

    private ExactlyOnceProfileSink() {}

    public static JdbcSink<ProfileWriteBatch> create(JdbcEndpoint target) {
        PostgresXaDataSource dataSource = new PostgresXaDataSource(target);
        JdbcExactlyOnceOptions exactlyOnce =
                JdbcExactlyOnceOptions.builder()
                        // PostgreSQL allows one XA transaction per connection at a time.
                        .withTransactionPerConnection(true)
                        // Makes the writer call recover() at start-up, where we commit orphans.
                        .withRecoveredAndRollback(true)
                        .withTimeoutSec(Optional.empty())
                        .build();
        JdbcExecutionOptions execution =
                JdbcExecutionOptions.builder()
                        // Each record is already a batch of profiles (ProfileWriteBatcher).
                        .withBatchSize(4)
                        .withBatchIntervalMs(0)
                        .withMaxRetries(0)
                        .build();
        return JdbcSink.<ProfileWriteBatch>builder()
                .withQueryStatement(ProfileWriteStatement.SQL, new ProfileWriteStatement())
                .withExecutionOptions(execution)
                .buildExactlyOnce(
                        exactlyOnce,
                        new OrphanResolvingXaConnectionProvider(
                                PoolingXaConnectionProvider.from(dataSource, null), dataSource));
    }
}
