package com.contactsync.embedded;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.ProfileGenerator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.concurrent.atomic.AtomicReference;
import java.util.concurrent.locks.LockSupport;

/**
 * Writes a seeded, realistic mix of concurrent changes to the profile table at a steady rate on its
 * own thread and connection, until stopped: what users do to profiles while ContactSync runs.
 */
public final class LiveTrafficSimulator implements AutoCloseable {

    /** Hears of each change right after it committed, on the simulator's thread: keep it quick. */
    @FunctionalInterface
    public interface ChangeListener {

        /** {@code kind} is a {@link LiveTrafficKind} name; the time is wall-clock milliseconds after the commit. */
        void onCommitted(long profileId, String kind, long committedAtMillis);
    }

    private static final Logger LOG = LoggerFactory.getLogger(LiveTrafficSimulator.class);
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);

    private final LiveTrafficWriter writer;
    private final LiveTrafficMix mix;
    private final SplittableRandom random;
    private final LiveTrafficPacer pacer;
    private final ChangeListener listener;
    private final AtomicLongArray counts = new AtomicLongArray(LiveTrafficKind.values().length);
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private final Thread thread;
    private volatile boolean running = true;
    private boolean stopped;

    private LiveTrafficSimulator(LiveTrafficWriter writer, LiveTrafficMix mix, long seed, double rate, ChangeListener listener) {
        this.writer = writer;
        this.mix = mix;
        this.random = new SplittableRandom(seed);
        this.pacer = new LiveTrafficPacer(rate);
        this.listener = listener;
        this.thread = new Thread(this::run, "contactsync-live-traffic");
        this.thread.setDaemon(true);
    }

    public static Builder builder(JdbcEndpoint endpoint) {
        return new Builder(endpoint);
    }

    /** Changes committed so far, by kind. */
    public Map<LiveTrafficKind, Long> counts() {
        Map<LiveTrafficKind, Long> snapshot = new EnumMap<>(LiveTrafficKind.class);
        for (LiveTrafficKind kind : LiveTrafficKind.values()) {
            snapshot.put(kind, counts.get(kind.ordinal()));
        }
        return snapshot;
    }

    public long changesMade() {
        long total = 0;
        for (int i = 0; i < counts.length(); i++) {
            total += counts.get(i);
        }
        return total;
    }

    /**
     * Stops the traffic and returns once the last change committed; throws what made the traffic
     * fail, if anything did.
     */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        running = false;
        LockSupport.unpark(thread);
        try {
            thread.join(STOP_TIMEOUT.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while stopping live traffic", e);
        }
        if (thread.isAlive()) {
            throw new IllegalStateException("live traffic did not stop within " + STOP_TIMEOUT + ": a statement hangs");
        }
        LOG.info("live traffic stopped after {} changes: {}", changesMade(), counts());
        Throwable error = failure.get();
        if (error != null) {
            throw new IllegalStateException("live traffic failed after " + changesMade() + " changes", error);
        }
    }

    @Override
    public void close() {
        stop();
    }

    private void run() {
        try (writer) {
            while (pacer.awaitNext(() -> running)) {
                LiveTrafficWriter.Change change = writer.write(mix.pick(random), random);
                long committedAt = System.currentTimeMillis();
                counts.incrementAndGet(change.kind().ordinal());
                if (listener != null) {
                    listener.onCommitted(change.profileId(), change.kind().name(), committedAt);
                }
            }
        } catch (Throwable e) {
            failure.set(e);
            running = false;
            LOG.error("live traffic failed after {} changes; stop() reports it", changesMade(), e);
        }
    }

    /** Options of the simulated traffic; all have defaults. */
    public static final class Builder {

        private final JdbcEndpoint endpoint;
        private SqlIdentifier table = SqlIdentifier.of("profile");
        private double changesPerSecond = 200;
        private LiveTrafficMix mix = LiveTrafficMix.defaults();
        private long seed = 1;
        private ProfileGenerator generator;
        private ChangeListener listener;

        private Builder(JdbcEndpoint endpoint) {
            this.endpoint = endpoint;
        }

        /** The profile table: {@code id bigint} key, {@code contacts} of type jsonb, json or text, {@code country}, {@code name}, {@code updated_at}. */
        public Builder table(SqlIdentifier table) {
            this.table = table;
            return this;
        }

        public Builder changesPerSecond(double rate) {
            this.changesPerSecond = rate;
            return this;
        }

        public Builder mix(LiveTrafficMix mix) {
            this.mix = mix;
            return this;
        }

        /** Seeds the choice of kinds and ids, and the default generator. */
        public Builder seed(long seed) {
            this.seed = seed;
            return this;
        }

        /** Where new profiles and contents come from; by default {@code new ProfileGenerator(seed, defaults)}. */
        public Builder generator(ProfileGenerator generator) {
            this.generator = generator;
            return this;
        }

        public Builder listener(ChangeListener listener) {
            this.listener = listener;
            return this;
        }

        /** Connects, reads the table's id range and starts writing. */
        public LiveTrafficSimulator start() {
            LiveTrafficWriter writer;
            try {
                writer = LiveTrafficWriter.open(endpoint, table,
                        generator != null ? generator : new ProfileGenerator(seed, GeneratorSettings.defaults()));
            } catch (SQLException e) {
                throw new IllegalStateException("could not prepare live traffic on " + table + " at " + endpoint, e);
            }
            LiveTrafficSimulator simulator;
            try {
                simulator = new LiveTrafficSimulator(writer, mix, seed, changesPerSecond, listener);
            } catch (RuntimeException e) {
                try {
                    writer.close();
                } catch (SQLException closing) {
                    e.addSuppressed(closing);
                }
                throw e;
            }
            simulator.thread.start();
            LOG.info("live traffic on {}: {} changes/s, {}", table, changesPerSecond, mix);
            return simulator;
        }
    }
}
