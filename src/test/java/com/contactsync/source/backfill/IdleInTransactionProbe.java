package com.contactsync.source.backfill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/** Samples pg_stat_activity every few milliseconds for backfill sessions that sit idle in a transaction. */
final class IdleInTransactionProbe {

    private static final String SAMPLE = "SELECT count(*), count(*) FILTER (WHERE state = 'idle in transaction')"
            + " FROM pg_stat_activity WHERE application_name = '" + BackfillConnections.APPLICATION_NAME + "'";

    private final ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
    private final AtomicBoolean sawBackfillSession = new AtomicBoolean();
    private final AtomicLong idleInTransaction = new AtomicLong();
    private final Connection connection;

    private IdleInTransactionProbe(Connection connection) {
        this.connection = connection;
    }

    static IdleInTransactionProbe start(BackfillTestDatabase database) throws SQLException {
        IdleInTransactionProbe probe = new IdleInTransactionProbe(database.connect());
        probe.sampler.scheduleWithFixedDelay(probe::sample, 0, 10, TimeUnit.MILLISECONDS);
        return probe;
    }

    private void sample() {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(SAMPLE)) {
            rows.next();
            if (rows.getLong(1) > 0) {
                sawBackfillSession.set(true);
            }
            idleInTransaction.addAndGet(rows.getLong(2));
        } catch (SQLException e) {
            throw new IllegalStateException("could not sample pg_stat_activity", e);
        }
    }

    void stop() throws Exception {
        sampler.shutdownNow();
        sampler.awaitTermination(5, TimeUnit.SECONDS);
        connection.close();
    }

    boolean sawBackfillSession() {
        return sawBackfillSession.get();
    }

    long idleInTransactionSightings() {
        return idleInTransaction.get();
    }
}
