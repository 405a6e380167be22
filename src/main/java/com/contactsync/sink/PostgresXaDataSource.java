package com.contactsync.sink;

import com.contactsync.config.JdbcEndpoint;

import org.apache.flink.util.function.SerializableSupplier;

import org.postgresql.xa.PGXADataSource;

import javax.sql.XADataSource;

/** Creates PostgreSQL XA data sources for an endpoint, where the sink runs (password from env there). */
public final class PostgresXaDataSource implements SerializableSupplier<XADataSource> {

    private static final long serialVersionUID = 1L;

    private final JdbcEndpoint endpoint;

    public PostgresXaDataSource(JdbcEndpoint endpoint) {
        this.endpoint = endpoint;
    }

    @Override
    public XADataSource get() {
        PGXADataSource dataSource = new PGXADataSource();
        dataSource.setUrl(endpoint.url());
        dataSource.setUser(endpoint.user());
        String password = endpoint.password();
        if (password != null) {
            dataSource.setPassword(password);
        }
        dataSource.setApplicationName("contactsync-sink");
        // Batches of our statement go to the server as one round trip.
        dataSource.setReWriteBatchedInserts(false);
        return dataSource;
    }
}
