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
 * statistics views, the change lag where the table has a {@code change_lag_ms} column), for the
 * migration-progress notebook.
 */
final class ProgressRecorder implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ProgressRecorder.class);
    private static final String SAMPLE = "INSERT INTO contactsync_progress"
            + " (run_id, sampled_at, profiles_read, email_rows, phone_rows, rows_per_second%s)"
            + " SELECT ?, clock_timestamp(), ?,"
            + " (SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'profile_email' ORDER BY schemaname LIMIT 1),"
            + " (SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'profile_phone' ORDER BY schemaname LIMIT 1), ?%s";

    private final JdbcEndpoint target;
    private final boolean recordsChangeLag;
    private final String sampleSql;
    private final UUID runId = UUID.randomUUID();
    private final ScheduledExecutorService sampler =
            Executors.newSingleThreadScheduledExecutor(r -> new Thread(r, "progress-recorder"));
    private long lastRead;
    private long lastNanos = System.nanoTime();

    private ProgressRecorder(JdbcEndpoint target, boolean recordsChangeLag) {
        this.target = target;
        this.recordsChangeLag = recordsChangeLag;
        this.sampleSql = recordsChangeLag ? String.format(SAMPLE, ", change_lag_ms", ", ?") : String.format(SAMPLE, "", "");
    }

    /** Books a RUNNING run of {@code mode} and samples every {@code interval} until closed. */
    static ProgressRecorder start(JdbcEndpoint target, String mode, String normalization, Duration interval) throws SQLException {
        ProgressRecorder recorder;
        try (Connection c = target.connect()) {
            recorder = new ProgressRecorder(target, hasChangeLagColumn(c));
            try (PreparedStatement s = c.prepareStatement(
                    "INSERT INTO contactsync_run (run_id, mode, status, normalization) VALUES (?, ?, 'RUNNING', ?)")) {
                s.setObject(1, recorder.runId);
                s.setString(2, mode);
                s.setString(3, normalization);
                s.executeUpdate();
            }
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
        try (Connection c = target.connect(); PreparedStatement s = c.prepareStatement(sampleSql)) {
            s.setObject(1, runId);
            s.setLong(2, read);
            s.setDouble(3, rate);
            if (recordsChangeLag) {
                long lag = LocalMetrics.gaugeMax("changeLagMillis");
                if (lag >= 0) {
                    s.setLong(4, lag);
                } else {
                    s.setNull(4, java.sql.Types.BIGINT);
                }
            }
            s.executeUpdate();
        }
        lastRead = read;
        lastNanos = now;
    }

    /** The column is not in the V1 bookkeeping; a later migration may add it, and then it is filled. */
    private static boolean hasChangeLagColumn(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT 1 FROM information_schema.columns"
                + " WHERE table_name = 'contactsync_progress' AND column_name = 'change_lag_ms'");
             java.sql.ResultSet rs = s.executeQuery()) {
            return rs.next();
        }
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
