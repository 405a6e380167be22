package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A throttle that holds the backfill back while the source database says so: while the control
 * row {@code backfill.paused} is true (pause and resume at runtime, no restart), and while the
 * database is under load (too many active sessions, or a probe query slower than allowed). It
 * wraps the rate limit, and checks the database at most once per check interval.
 */
final class SourceLoadGuard implements BackfillThrottle {

    private static final Logger LOG = LoggerFactory.getLogger(SourceLoadGuard.class);
    private static final long MAX_BACKOFF_MILLIS = 5_000;
    static final String APPLICATION_NAME = "contactsync-backfill-guard";

    private final JdbcEndpoint endpoint;
    private final LoadGuardSettings settings;
    private final BackfillThrottle rate;
    private final AtomicLong heldBackMillis = new AtomicLong();
    private volatile boolean paused;
    private volatile boolean overloaded;
    private volatile boolean wakeUp;
    private long lastCheckNanos;
    private Connection connection;

    SourceLoadGuard(JdbcEndpoint endpoint, LoadGuardSettings settings, BackfillThrottle rate) {
        this.endpoint = endpoint;
        this.settings = settings;
        this.rate = rate;
    }

    boolean paused() {
        return paused;
    }

    long heldBackMillis() {
        return heldBackMillis.get();
    }

    @Override
    public void acquire(int rows) throws InterruptedException {
        rate.acquire(rows);
        wakeUp = false;
        long backoff = 100;
        while (!wakeUp && mustHoldBack()) {
            long sleep = paused ? settings.checkInterval().toMillis() : backoff;
            Thread.sleep(sleep);
            heldBackMillis.addAndGet(sleep);
            backoff = Math.min(MAX_BACKOFF_MILLIS, backoff * 2);
        }
    }

    @Override
    public void wakeUp() {
        wakeUp = true;
        rate.wakeUp();
    }

    @Override
    public synchronized void release() {
        closeConnection();
    }

    private synchronized boolean mustHoldBack() {
        long now = System.nanoTime();
        if (now - lastCheckNanos < settings.checkInterval().toNanos()) {
            return paused || overloaded;
        }
        lastCheckNanos = now;
        try {
            check();
        } catch (SQLException e) {
            // A failing probe must not stop the backfill; the reads themselves will fail loudly if the database is gone.
            LOG.warn("backfill load check failed ({}); going on", e.getMessage());
            closeConnection();
            paused = false;
            overloaded = false;
        }
        return paused || overloaded;
    }

    private void check() throws SQLException {
        if (connection == null || connection.isClosed()) {
            // Its own name: not a reading session, and visible as what it is in pg_stat_activity.
            connection = endpoint.connect(APPLICATION_NAME, null);
        }
        long start = System.nanoTime();
        long active;
        try (PreparedStatement s = connection.prepareStatement("SELECT count(*) FROM pg_stat_activity WHERE state = 'active'"
                + " AND backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                active = rs.getLong(1);
            }
        }
        boolean nowPaused = controlTableExists() && pauseRequested();
        long latencyMillis = (System.nanoTime() - start) / 1_000_000;
        if (nowPaused != paused) {
            LOG.info(nowPaused ? "backfill paused by the control row {} in {}" : "backfill resumed by the control row {} in {}",
                    LoadGuardSettings.PAUSE_KEY, settings.controlTable());
        }
        paused = nowPaused;
        boolean tooBusy = settings.maxActiveSessions() > 0 && active > settings.maxActiveSessions();
        boolean tooSlow = !settings.maxProbeLatency().isZero() && latencyMillis > settings.maxProbeLatency().toMillis();
        if ((tooBusy || tooSlow) != overloaded) {
            if (tooBusy || tooSlow) {
                LOG.info("source under load ({} active sessions, probe {} ms): the backfill backs off", active, latencyMillis);
            } else {
                LOG.info("source load back to normal: the backfill goes on");
            }
        }
        overloaded = tooBusy || tooSlow;
    }

    private boolean controlTableExists() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, settings.controlTable().quoted());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    private boolean pauseRequested() throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT value FROM " + settings.controlTable().quoted() + " WHERE key = ?")) {
            s.setString(1, LoadGuardSettings.PAUSE_KEY);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() && "true".equalsIgnoreCase(rs.getString(1));
            }
        }
    }

    private void closeConnection() {
        try {
            if (connection != null) {
                connection.close();
            }
        } catch (SQLException e) {
            LOG.debug("could not close the load-check session", e);
        }
        connection = null;
    }
}
