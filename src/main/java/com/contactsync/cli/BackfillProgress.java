package com.contactsync.cli;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;

/**
 * What a progress line may honestly say about a running backfill: the total starts at an estimate
 * and is raised as soon as more rows than estimated are read, the share never reaches 100 % before
 * the backfill is done, and the ETA comes from the throughput of the last {@link #WINDOW}, not the
 * whole run's average (a backfill that was paused or throttled would otherwise promise too much).
 */
final class BackfillProgress {

    static final Duration WINDOW = Duration.ofSeconds(30);

    /** One sample of rows read at a moment. */
    private record Sample(long nanos, long read) {}

    private final long estimate;
    private final Deque<Sample> recent = new ArrayDeque<>();
    private long read;
    private boolean done;

    /** @param estimate the profile table's estimated rows; 0 or less when nothing is known */
    BackfillProgress(long estimate) {
        this.estimate = Math.max(0, estimate);
    }

    /** Records the rows read so far at {@code nanos} (System.nanoTime) and whether the backfill is done. */
    void update(long nanos, long rowsRead, boolean backfillDone) {
        read = rowsRead;
        done = backfillDone;
        recent.addLast(new Sample(nanos, rowsRead));
        while (recent.size() > 2 && nanos - recent.peekFirst().nanos() > WINDOW.toNanos()) {
            recent.removeFirst();
        }
    }

    long read() {
        return read;
    }

    /** The total as far as anyone knows: the estimate, raised past what has been read until the end. */
    long total() {
        if (done) {
            return read;
        }
        // One more row than read at least, so an underestimate shows as "almost done", never as done.
        return Math.max(estimate, read + Math.max(1, read / 1000));
    }

    /** Done share in percent; 100 only once the backfill is done. */
    double percent() {
        if (done) {
            return 100.0;
        }
        return Math.min(99.9, 100.0 * read / Math.max(1, total()));
    }

    /** Rows per second over the recent window; 0 before two samples. */
    double recentRate() {
        if (recent.size() < 2) {
            return 0;
        }
        Sample first = recent.peekFirst();
        Sample last = recent.peekLast();
        double seconds = (last.nanos() - first.nanos()) / 1e9;
        return seconds <= 0 ? 0 : (last.read() - first.read()) / seconds;
    }

    /** Time left at the recent rate; empty while nothing is known (no rate yet, or stalled). */
    Optional<Duration> eta() {
        if (done) {
            return Optional.of(Duration.ZERO);
        }
        double rate = recentRate();
        return rate <= 0 ? Optional.empty() : Optional.of(Duration.ofSeconds((long) Math.ceil((total() - read) / rate)));
    }
}
