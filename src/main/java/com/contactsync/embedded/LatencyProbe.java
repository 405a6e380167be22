package com.contactsync.embedded;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Measures commit-to-visible latency end to end: it commits new probe profiles to the source
 * table at a steady rate, each with one unique email, and polls the target by their ids until
 * the email is visible in {@code profile_email}. Independent of the job: it only uses the tables.
 */
public final class LatencyProbe implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LatencyProbe.class);
    /** Probe profiles live far above any generated id. */
    public static final long FIRST_PROBE_ID = 8_000_000_000_000_000L;

    private final JdbcEndpoint source;
    private final JdbcEndpoint target;
    private final SqlIdentifier table;
    private final long intervalMillis;
    /** Probe profile id → when it was committed, until its email is visible. */
    private final Map<Long, Long> pending = new ConcurrentHashMap<>();
    /** {committed at, latency} of each probe seen, in the order seen. */
    private final List<long[]> samples = Collections.synchronizedList(new ArrayList<>());
    private final Map<Long, Long> committedAt = new ConcurrentHashMap<>();
    private final Thread writer;
    private final Thread poller;
    private volatile boolean running = true;
    private volatile Throwable failure;

    public LatencyProbe(JdbcEndpoint source, JdbcEndpoint target, SqlIdentifier table, double probesPerSecond) {
        this.source = source;
        this.target = target;
        this.table = table;
        this.intervalMillis = Math.max(1, (long) (1000 / probesPerSecond));
        this.writer = new Thread(this::write, "contactsync-latency-probe-writer");
        this.poller = new Thread(this::poll, "contactsync-latency-probe-poller");
        writer.setDaemon(true);
        poller.setDaemon(true);
    }

    public LatencyProbe start() {
        writer.start();
        poller.start();
        return this;
    }

    /** Latencies measured so far, in milliseconds, sorted. */
    public List<Long> latencies() {
        List<Long> copy = new ArrayList<>();
        synchronized (samples) {
            samples.forEach(sample -> copy.add(sample[1]));
        }
        Collections.sort(copy);
        return copy;
    }

    /** When each probe profile (by id) was committed to the source, in epoch milliseconds. */
    public Map<Long, Long> committedAt() {
        return Map.copyOf(committedAt);
    }

    /**
     * The q-quantile (0..1) of the latencies of the probes committed at least {@code afterMillis}
     * after the first probe, or -1 when there are none: the steady state after a warm-up.
     */
    public long percentileAfter(double q, long afterMillis) {
        List<Long> sorted = new ArrayList<>();
        synchronized (samples) {
            long first = samples.stream().mapToLong(sample -> sample[0]).min().orElse(0);
            samples.stream().filter(sample -> sample[0] - first >= afterMillis).forEach(sample -> sorted.add(sample[1]));
        }
        return quantile(sorted, q);
    }

    /** The q-quantile (0..1) of the latencies so far, or -1 when there are none. */
    public long percentile(double q) {
        return quantile(latencies(), q);
    }

    /** The nearest-rank q-quantile (0..1) of {@code values}, or -1 when there are none. */
    public static long quantile(List<Long> values, double q) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.min(sorted.size() - 1, Math.max(0, Math.ceil(q * sorted.size()) - 1)));
    }

    /** Stops probing; waits for outstanding probes up to the given time so they are measured too. */
    public void stop(long awaitOutstandingMillis) throws InterruptedException {
        running = false;
        writer.join(10_000);
        long deadline = System.currentTimeMillis() + awaitOutstandingMillis;
        while (!pending.isEmpty() && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
        poller.interrupt();
        poller.join(10_000);
        if (failure != null) {
            throw new IllegalStateException("the latency probe failed", failure);
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (running) {
            stop(0);
        }
    }

    private void write() {
        String sql = "INSERT INTO " + table.quoted() + " (id, contacts) VALUES (?, CAST(? AS "
                + contactsType() + "))";
        try (Connection c = source.connect(); PreparedStatement insert = c.prepareStatement(sql)) {
            long id = firstFreeProbeId(c);
            while (running) {
                id++;
                String email = "probe-" + id + "@latency.invalid";
                insert.setLong(1, id);
                insert.setString(2, "{\"emails\":[\"" + email + "\"]}");
                insert.executeUpdate();
                long committed = System.currentTimeMillis();
                pending.put(id, committed);
                committedAt.put(id, committed);
                Thread.sleep(intervalMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            failure = e;
            LOG.error("latency probe writer failed", e);
        }
    }

    private void poll() {
        try (Connection c = target.connect();
                // By the primary key: the reverse index on email may not exist yet (deferred to the end of the backfill).
                PreparedStatement visible = c.prepareStatement("SELECT profile_id FROM profile_email WHERE profile_id = ANY (?)")) {
            while (running || !pending.isEmpty()) {
                if (!pending.isEmpty()) {
                    Array ids = c.createArrayOf("bigint", pending.keySet().toArray());
                    visible.setArray(1, ids);
                    long now = System.currentTimeMillis();
                    try (ResultSet rs = visible.executeQuery()) {
                        while (rs.next()) {
                            long id = rs.getLong(1);
                            Long committed = pending.remove(id);
                            if (committed != null) {
                                samples.add(new long[] {committed, now - committed});
                            }
                        }
                    }
                }
                Thread.sleep(10);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (SQLException e) {
            failure = e;
            LOG.error("latency probe poller failed", e);
        }
    }

    /** Probes of an earlier probe in the same table must not collide with ours. */
    private long firstFreeProbeId(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT coalesce(max(id), ?) FROM " + table.quoted() + " WHERE id >= ?")) {
            s.setLong(1, FIRST_PROBE_ID - 1);
            s.setLong(2, FIRST_PROBE_ID);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private String contactsType() {
        try (Connection c = source.connect();
                PreparedStatement s = c.prepareStatement("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                        + " WHERE attrelid = ?::regclass AND attname = 'contacts'")) {
            s.setString(1, table.quoted());
            try (ResultSet rs = s.executeQuery()) {
                String type = rs.next() ? rs.getString(1) : "text";
                if (!type.equals("jsonb") && !type.equals("json") && !type.equals("text")) {
                    throw new IllegalStateException("unexpected contacts column type " + type);
                }
                return type;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the contacts column type of " + table, e);
        }
    }
}
