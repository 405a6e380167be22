package com.contactsync.compose;

import com.contactsync.config.JdbcEndpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The compose stack's PostgreSQL set-up (conf/postgres/10-contactsync-roles.sql: the source table,
 * the least-privilege roles, the job's schema, the publication) applied to a test database, as
 * the postgres image applies it on first start; and the job's endpoint under that role.
 */
public final class PostgresInitScript {

    public static final Path ROLES_SQL = Path.of("conf", "postgres", "10-contactsync-roles.sql");
    /** The role the job connects as in the stack. */
    public static final String JOB_ROLE = "contactsync";

    private PostgresInitScript() {}

    /** Runs the script as {@code superuser} (one simple-query batch, like psql -f with ON_ERROR_STOP). */
    public static void apply(JdbcEndpoint superuser, Path projectDir) throws IOException, SQLException {
        String sql = Files.readString(projectDir.resolve(ROLES_SQL));
        try (Connection c = superuser.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    /** The same database as the job's role sees it (its search path puts its own schema first). */
    public static JdbcEndpoint asJobRole(JdbcEndpoint superuser) {
        return new JdbcEndpoint(superuser.url(), JOB_ROLE, superuser.passwordEnv());
    }
}
