package com.contactsync.deadletter;

import com.contactsync.config.JdbcEndpoint;

import org.apache.flink.connector.jdbc.JdbcConnectionOptions;
import org.apache.flink.connector.jdbc.datasource.connections.SimpleJdbcConnectionProvider;

import java.util.Properties;

/**
 * The connector's plain connection provider, with the password read from the endpoint's
 * environment variable each time a connection is opened, where the sink runs.
 *
 * <p>Why not {@code JdbcConnectionOptions.withPassword(endpoint.password())}: that reads the
 * variable where the job is built and serializes the password into the job graph, which
 * {@link JdbcEndpoint} exists to avoid. (A null password is simply left out, there and here.)
 */
final class EnvPasswordConnectionProvider extends SimpleJdbcConnectionProvider {

    private static final long serialVersionUID = 1L;

    private final JdbcEndpoint endpoint;

    EnvPasswordConnectionProvider(JdbcEndpoint endpoint) {
        super(new JdbcConnectionOptions.JdbcConnectionOptionsBuilder()
                .withUrl(endpoint.url())
                // Loaded through the context class loader: DriverManager may not see the job jar's driver.
                .withDriverName("org.postgresql.Driver")
                .withUsername(endpoint.user())
                .withProperty("ApplicationName", "contactsync-dead-letters")
                // Never put statement parameters (raw events) into exceptions, which end up in logs.
                .withProperty("logServerErrorDetail", "false")
                .build());
        this.endpoint = endpoint;
    }

    /** The connection properties plus the password, when the environment has one. */
    @Override
    public Properties getProperties() {
        Properties properties = new Properties();
        properties.putAll(super.getProperties());
        String password = endpoint.password();
        if (password != null) {
            properties.setProperty(JdbcConnectionOptions.PASSWORD_KEY, password);
        }
        return properties;
    }

    /** Narrowed: closing a connection throws nothing here. */
    @Override
    public void close() {
        closeConnection();
    }
}
