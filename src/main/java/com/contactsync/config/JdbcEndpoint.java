package com.contactsync.config;

import org.postgresql.Driver;

import java.io.Serializable;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import java.util.regex.Pattern;

/**
 * Where a PostgreSQL database is and who we are there. The password is never held here: it is
 * read from the named environment variable where a connection is opened (client, JobManager or
 * TaskManager), so it is neither serialized into the job graph nor logged.
 */
public final class JdbcEndpoint implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern URL = Pattern.compile("jdbc:postgresql://[^\\s]+");
    private static final Pattern ENV_NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");

    private final String url;
    private final String user;
    private final String passwordEnv;

    public JdbcEndpoint(String url, String user, String passwordEnv) {
        if (url == null || !URL.matcher(url).matches()) {
            throw new IllegalArgumentException(
                    "a PostgreSQL JDBC URL (jdbc:postgresql://host:port/db) is required, got '" + redact(url) + "'");
        }
        if (url.matches("(?i).*[?&]password=.*")) {
            throw new IllegalArgumentException(
                    "do not put the password in the JDBC URL: set it in the environment variable " + passwordEnv);
        }
        if (user == null || user.isBlank()) {
            throw new IllegalArgumentException("a database user is required");
        }
        if (passwordEnv == null || !ENV_NAME.matcher(passwordEnv).matches()) {
            throw new IllegalArgumentException("invalid environment variable name for the password: " + passwordEnv);
        }
        this.url = url;
        this.user = user;
        this.passwordEnv = passwordEnv;
    }

    public String url() {
        return url;
    }

    public String user() {
        return user;
    }

    public String passwordEnv() {
        return passwordEnv;
    }

    /** The password from the environment, or null when none is set (e.g. trust authentication). */
    public String password() {
        return System.getenv(passwordEnv);
    }

    public Connection connect() throws SQLException {
        return connect("contactsync", null);
    }

    /**
     * A session named {@code applicationName}, with server settings ({@code -c key=value ...}) applied
     * at its start, or none when {@code options} is null.
     */
    public Connection connect(String applicationName, String options) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        String password = password();
        if (password != null) {
            props.setProperty("password", password);
        }
        props.setProperty("ApplicationName", applicationName);
        // Never put statement parameters (contacts) into exceptions, which end up in logs.
        props.setProperty("logServerErrorDetail", "false");
        if (options != null) {
            props.setProperty("options", options);
        }
        // The driver directly, not DriverManager: DriverManager does not see drivers in Flink's user-code class loader.
        Connection connection = new Driver().connect(url, props);
        if (connection == null) {
            throw new SQLException("the PostgreSQL driver does not accept the URL of " + this);
        }
        return connection;
    }

    private static String redact(String url) {
        return url == null ? "" : url.replaceAll("(?i)(password=)[^&]*", "$1***");
    }

    @Override
    public String toString() {
        return user + "@" + url;
    }
}
