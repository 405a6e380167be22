package com.contactsync.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.time.Duration;

/**
 * A real PostgreSQL server from Maven Central binaries, configured the way ContactSync needs its
 * database: logical WAL for change capture and prepared transactions for the XA sink.
 */
public final class EmbeddedPostgresServer implements AutoCloseable {

    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";

    private final EmbeddedPostgres postgres;

    private EmbeddedPostgresServer(EmbeddedPostgres postgres) {
        this.postgres = postgres;
    }

    public static EmbeddedPostgresServer start() {
        return start(true);
    }

    /**
     * As {@link #start()}; with {@code stopOnJvmExit} false the server has no shutdown hook of its
     * own, for a caller whose hook stops it after what depends on it (the {@code stack} command).
     */
    public static EmbeddedPostgresServer start(boolean stopOnJvmExit) {
        try {
            return new EmbeddedPostgresServer(
                    EmbeddedPostgres.builder()
                            .setRegisterShutdownHook(stopOnJvmExit)
                            .setPGStartupWait(Duration.ofSeconds(60))
                            .setServerConfig("wal_level", "logical")
                            .setServerConfig("max_wal_senders", "10")
                            .setServerConfig("max_replication_slots", "10")
                            .setServerConfig("max_prepared_transactions", "64")
                            .setServerConfig("max_connections", "200")
                            // Per-statement counts: what the backfill read, for tests and for a person looking.
                            .setServerConfig("shared_preload_libraries", "pg_stat_statements")
                            .setServerConfig("shared_buffers", "256MB")
                            .setServerConfig("work_mem", "16MB")
                            .setServerConfig("maintenance_work_mem", "256MB")
                            // A throwaway database: durability is not what we measure or test.
                            .setServerConfig("fsync", "off")
                            .setServerConfig("synchronous_commit", "off")
                            .setServerConfig("full_page_writes", "off")
                            .setServerConfig("max_wal_size", "4GB")
                            .setServerConfig("listen_addresses", "127.0.0.1")
                            .start());
        } catch (IOException e) {
            throw new IllegalStateException("could not start embedded PostgreSQL", e);
        }
    }

    public String jdbcUrl() {
        return postgres.getJdbcUrl(USER, DATABASE);
    }

    /** The URL of another database of this server (see {@link EmbeddedStack#createDatabase}). */
    public String jdbcUrl(String database) {
        return postgres.getJdbcUrl(USER, database);
    }

    public int port() {
        return postgres.getPort();
    }

    public String user() {
        return USER;
    }

    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new IllegalStateException("could not stop embedded PostgreSQL", e);
        }
    }
}
