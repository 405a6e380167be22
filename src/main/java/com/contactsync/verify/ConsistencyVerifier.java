package com.contactsync.verify;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.ProfileTable;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.normalize.ContactNormalizer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The independent proof that the target tables say what the source's contacts say: reads the
 * source table itself, normalizes with {@link ContactNormalizer} directly (no Flink, no sink code)
 * and compares every profile's rows, in parallel id ranges with bounded memory.
 */
public final class ConsistencyVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(ConsistencyVerifier.class);
    /** More ranges than threads, so one dense range does not leave the other threads idle. */
    private static final int RANGES_PER_THREAD = 4;

    private final JdbcEndpoint source;
    private final JdbcEndpoint target;
    private final ProfileSourceReader sourceReader;
    private final TargetReader targetReader = new TargetReader();
    private final ContactNormalizer normalizer;
    private final SqlIdentifier table;

    public ConsistencyVerifier(JdbcEndpoint source, JdbcEndpoint target, ProfileTable profile, ContactNormalizer normalizer) {
        this.source = source;
        this.target = target;
        this.table = profile.table();
        this.sourceReader = new ProfileSourceReader(profile);
        this.normalizer = normalizer;
    }

    /** The normalization settings (mapping included) the expectation is computed under, as recorded with each run. */
    public String normalization() {
        return normalizer.settings().fingerprint();
    }

    public VerificationResult verify(VerifyOptions options) {
        long started = System.nanoTime();
        Sampling sampling = new Sampling(options.sampleFraction(), options.sampleSeed());
        MismatchCollector collector = new MismatchCollector(options.maxDetails());
        Suspects suspects = new Suspects();
        long[] bounds = idBounds();
        if (bounds != null && bounds[0] == Long.MIN_VALUE) {
            // Ranges exclude their lower end, and nothing lies below Long.MIN_VALUE to start from.
            throw new IllegalStateException("cannot verify " + table + ": it holds the id " + Long.MIN_VALUE);
        }
        if (bounds != null) {
            List<IdRange> ranges = IdRange.split(bounds[0] - 1, bounds[1], options.threads() * RANGES_PER_THREAD);
            LOG.info("verifying {} against {}: ids {}..{} in {} ranges, {} threads, sample {}",
                    table, target, bounds[0], bounds[1], ranges.size(), options.threads(), options.sampleFraction());
            runAll(ranges, options, sampling, collector, suspects);
            recheck(suspects, options, collector);
        }
        VerificationResult result = collector.result(Duration.ofNanos(System.nanoTime() - started));
        LOG.info("verification of {}: {}", table, result);
        return result;
    }

    /**
     * Compares exactly the given profiles (sampling ignored), those that differ again after the
     * grace period, as a full run does; orphans among them count. For {@code verify --repair}.
     */
    public VerificationResult verifyIds(long[] ids, VerifyOptions options) {
        long started = System.nanoTime();
        MismatchCollector collector = new MismatchCollector(options.maxDetails());
        Suspects suspects = new Suspects();
        long[] sorted = Arrays.stream(ids).sorted().distinct().toArray();
        try (ProfileChecker checker = openChecker()) {
            for (int from = 0; from < sorted.length; from += options.pageRows()) {
                long[] batch = Arrays.copyOfRange(sorted, from, Math.min(sorted.length, from + options.pageRows()));
                for (var differing : checker.check(batch).entrySet()) {
                    if (!suspects.add(differing.getKey())) {
                        collector.add(differing.getValue());
                    }
                }
                collector.checked(batch.length);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not check " + sorted.length + " profiles of " + table, e);
        }
        recheck(suspects, options, collector);
        VerificationResult result = collector.result(Duration.ofNanos(System.nanoTime() - started));
        LOG.info("verification of {} given profiles of {}: {}", sorted.length, table, result);
        return result;
    }

    private void runAll(List<IdRange> ranges, VerifyOptions options, Sampling sampling,
                        MismatchCollector collector, Suspects suspects) {
        AtomicInteger threadNo = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(options.threads(),
                r -> new Thread(r, "verify-" + threadNo.incrementAndGet()));
        try {
            List<Future<Void>> running = new ArrayList<>();
            for (IdRange range : ranges) {
                running.add(pool.submit(new RangeCheck(range, this::openChecker, options.pageRows(), sampling,
                        collector, suspects)));
            }
            for (int i = 0; i < running.size(); i++) {
                await(running.get(i), ranges.get(i));
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** Compares the suspects again once the last of them has had its grace period; what still differs counts. */
    private void recheck(Suspects suspects, VerifyOptions options, MismatchCollector collector) {
        if (suspects.isEmpty()) {
            return;
        }
        long[] ids = suspects.sorted();
        long waitNanos = suspects.lastAddedNanos() + options.gracePeriod().toNanos() - System.nanoTime();
        LOG.info("{} profiles differ; re-checking them in {} ms", ids.length, Math.max(0, waitNanos / 1_000_000));
        try {
            if (waitNanos > 0) {
                Thread.sleep(waitNanos / 1_000_000, (int) (waitNanos % 1_000_000));
            }
            try (ProfileChecker checker = openChecker()) {
                for (int from = 0; from < ids.length; from += options.pageRows()) {
                    long[] batch = Arrays.copyOfRange(ids, from, Math.min(ids.length, from + options.pageRows()));
                    checker.check(batch).values().forEach(collector::add);
                    collector.rechecked(batch.length);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to re-check " + ids.length + " profiles", e);
        } catch (SQLException e) {
            throw new IllegalStateException("could not re-check " + ids.length + " profiles of " + table, e);
        }
    }

    /** The id span to walk: the source's ids and the target's profile ids, so orphans beyond the source count too. */
    private long[] idBounds() {
        try (Connection s = source.connect(); Connection t = target.connect()) {
            long[] a = sourceReader.bounds(s);
            long[] b = targetReader.bounds(t);
            if (a == null || b == null) {
                return a == null ? b : a;
            }
            return new long[] {Math.min(a[0], b[0]), Math.max(a[1], b[1])};
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the id bounds of " + table + " and the target tables", e);
        }
    }

    private ProfileChecker openChecker() throws SQLException {
        return new ProfileChecker(source, target, sourceReader, targetReader, normalizer);
    }

    private static void await(Future<Void> check, IdRange range) {
        try {
            check.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while verifying ids " + range, e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("could not verify ids (" + range.afterId() + ", " + range.upToId() + "]",
                    e.getCause());
        }
    }
}
