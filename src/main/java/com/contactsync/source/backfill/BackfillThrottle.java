package com.contactsync.source.backfill;

/** Paces a backfill reader subtask, called in the fetcher thread after each page it reads. */
public interface BackfillThrottle {

    // An adaptive throttle (e.g. one that watches replication lag or load) implements this too.

    /** Blocks until reading {@code rows} more rows keeps within the limit, or until {@link #wakeUp()}. */
    void acquire(int rows) throws InterruptedException;

    /** Ends a pending {@link #acquire} early (the fetcher has other work); the rows stay owed. */
    default void wakeUp() {}

    /** Lets go of what the throttle holds while reading (e.g. a session); {@link #acquire} takes it again. */
    default void release() {}

    /** No limit for 0, else a token bucket of {@code maxRowsPerSecond}. */
    static BackfillThrottle perSecond(double maxRowsPerSecond) {
        return maxRowsPerSecond == 0 ? rows -> {} : new TokenBucketThrottle(maxRowsPerSecond);
    }
}
