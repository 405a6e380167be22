package com.contactsync.cli;

import com.contactsync.config.JdbcEndpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Books a local run in {@code contactsync_run} and samples its progress into
 * {@code contactsync_progress} (profiles read from the local job's counters, target rows from the
 * statistics views), for the migration-progress notebook.
 */
final class ProgressRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressRecorder.class);
    private static final String SAMPLE = "INSERT INTO contactsync_progress"
            + " (run_id, sampled_at, profiles_read, email_rows, phone_rows, rows_per_second)"
            + " SELECT ?, clock_timestamp(), ?,"
            + " (SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'profile_email' ORDER BY schemaname LIMIT 1),"
            + " (SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'profile_phone' ORDER BY schemaname LIMIT 1), ?";

    private final JdbcEndpoint target;
    private final UUID runId = UUID.randomUUID();
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "progress-recorder"));
    private long lastRead;
    private long lastNanos = System.nanoTime();

    private ProgressRecorder(JdbcEndpoint target) {
        this.target = target;
    }

    /** Books a RUNNING run of {@code mode} and samples every {@code interval} until closed. */
    static ProgressRecorder start(JdbcEndpoint target, String mode, Duration interval) throws SQLException {
        ProgressRecorder recorder = new ProgressRecorder(target);
        try (Connection c = target.connect();
             PreparedStatement s = c.prepareStatement("INSERT INTO contactsync_run (run_id, mode, status) VALUES (?, ?, 'RUNNING')")) {
            s.setObject(1, recorder.runId);
            s.setString(2, mode);
            s.executeUpdate();
        }
        recorder.sampler.scheduleAtFixedRate(recorder::sampleQuietly, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
        return recorder;
    }

    /** Takes a last sample and books the run as FINISHED. */
    void finish(long profilesRead, double seconds) throws SQLException {
        close();
        sample();
        try (Connection c = target.connect();
             PreparedStatement s = c.prepareStatement("UPDATE contactsync_run SET status = 'FINISHED', finished_at = now(),"
                     + " profiles_read = ?, seconds = ? WHERE run_id = ?")) {
            s.setLong(1, profilesRead);
            s.setDouble(2, seconds);
            s.setObject(3, runId);
            s.executeUpdate();
        }
    }

    private void sampleQuietly() {
        try {
            sample();
        } catch (SQLException | RuntimeException e) {
            LOG.warn("could not record a progress sample: {}", e.getMessage());
        }
    }

    private synchronized void sample() throws SQLException {
        long now = System.nanoTime();
        long read = LocalMetrics.sum("profilesRead");
        double rate = (read - lastRead) / Math.max(1e-3, (now - lastNanos) / 1e9);
        try (Connection c = target.connect(); PreparedStatement s = c.prepareStatement(SAMPLE)) {
            s.setObject(1, runId);
            s.setLong(2, read);
            s.setDouble(3, rate);
            s.executeUpdate();
        }
        lastRead = read;
        lastNanos = now;
    }

    @Override
    public void close() {
        sampler.shutdownNow();
        try {
            sampler.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
