package com.contactsync.sink;

import com.contactsync.config.JdbcEndpoint;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Creates and upgrades the target tables with the Flyway migrations shipped in the job. */
public final class TargetSchema {

    private static final Logger LOG = LoggerFactory.getLogger(TargetSchema.class);
    /** Our own history table, so we never touch a Flyway history the monolith may keep. */
    static final String HISTORY_TABLE = "contactsync_schema_history";

    private TargetSchema() {}

    /** Applies pending migrations; running it again is a no-op. Returns how many were applied. */
    public static int migrate(JdbcEndpoint target) {
        MigrateResult result =
                Flyway.configure(TargetSchema.class.getClassLoader())
                        .dataSource(target.url(), target.user(), target.password())
                        .locations("classpath:db/migration")
                        .table(HISTORY_TABLE)
                        .baselineOnMigrate(true)
                        .baselineVersion("0")
                        .load()
                        .migrate();
        if (result.migrationsExecuted > 0) {
            LOG.info("target schema migrated to version {} ({} migration(s))", result.targetSchemaVersion, result.migrationsExecuted);
        }
        return result.migrationsExecuted;
    }
}
