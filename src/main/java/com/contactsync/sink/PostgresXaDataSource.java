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
        // Never put statement parameters (contacts) into exceptions, which end up in logs.
        dataSource.setLogServerErrorDetail(false);
        // The batch statement's plan does not depend on its parameter: plan it once per session
        // instead of once per execution (planning costs about as much as executing it). The plan
        // may be made while the target tables are still empty, when a sequential scan looks
        // cheapest; it must stay an index scan at any size, so this session never plans one.
        dataSource.setOptions("-c plan_cache_mode=force_generic_plan -c enable_seqscan=off");
        dataSource.setPrepareThreshold(1);
        return dataSource;
    }
}
