package com.contactsync.source.backfill;

import org.apache.flink.api.connector.source.SourceSplit;

import java.util.Objects;

/**
 * A range of profile ids {@code (lowExclusive, highInclusive]} and how far a reader has emitted
 * it: reading resumes right after {@code lastEmittedId} ({@code lowExclusive} when nothing was emitted).
 * A split of a re-snapshot request also names its request and, for {@code --where}, the predicate
 * added to its page statement.
 */
public final class IdRangeSplit implements SourceSplit {

    /** The request id of the initial backfill's splits. */
    public static final long INITIAL_BACKFILL = 0;

    private final String splitId;
    private final long lowExclusive;
    private final long highInclusive;
    private final long lastEmittedId;
    private final long requestId;
    private final String predicate;
    private final long rowsEmitted;

    public IdRangeSplit(String splitId, long lowExclusive, long highInclusive, long lastEmittedId) {
        this(splitId, lowExclusive, highInclusive, lastEmittedId, INITIAL_BACKFILL, null, 0);
    }

    public IdRangeSplit(String splitId, long lowExclusive, long highInclusive, long lastEmittedId,
            long requestId, String predicate, long rowsEmitted) {
        if (splitId == null || splitId.isEmpty()) {
            throw new IllegalArgumentException("a split needs an id");
        }
        if (lowExclusive > lastEmittedId || lastEmittedId > highInclusive) {
            throw new IllegalArgumentException("split " + splitId + ": need lowExclusive <= lastEmittedId <= highInclusive,"
                    + " got " + lowExclusive + ", " + lastEmittedId + ", " + highInclusive);
        }
        this.splitId = splitId;
        this.lowExclusive = lowExclusive;
        this.highInclusive = highInclusive;
        this.lastEmittedId = lastEmittedId;
        this.requestId = requestId;
        this.predicate = predicate;
        this.rowsEmitted = rowsEmitted;
    }

    /** A split of the initial backfill nothing has been read from yet. */
    public static IdRangeSplit unread(String splitId, long lowExclusive, long highInclusive) {
        return new IdRangeSplit(splitId, lowExclusive, highInclusive, lowExclusive);
    }

    /** A split of re-snapshot request {@code requestId} nothing has been read from yet. */
    public static IdRangeSplit unread(String splitId, long lowExclusive, long highInclusive, long requestId, String predicate) {
        return new IdRangeSplit(splitId, lowExclusive, highInclusive, lowExclusive, requestId, predicate, 0);
    }

    @Override
    public String splitId() {
        return splitId;
    }

    public long lowExclusive() {
        return lowExclusive;
    }

    public long highInclusive() {
        return highInclusive;
    }

    public long lastEmittedId() {
        return lastEmittedId;
    }

    /** {@link #INITIAL_BACKFILL} or the re-snapshot request this split belongs to. */
    public long requestId() {
        return requestId;
    }

    /** The validated {@code --where} predicate, or null. */
    public String predicate() {
        return predicate;
    }

    /** Rows emitted from this split so far (progress only). */
    public long rowsEmitted() {
        return rowsEmitted;
    }

    public IdRangeSplit withLastEmittedId(long id) {
        return withPosition(id, rowsEmitted);
    }

    public IdRangeSplit withPosition(long id, long rows) {
        return new IdRangeSplit(splitId, lowExclusive, highInclusive, id, requestId, predicate, rows);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdRangeSplit that
                && splitId.equals(that.splitId)
                && lowExclusive == that.lowExclusive
                && highInclusive == that.highInclusive
                && lastEmittedId == that.lastEmittedId
                && requestId == that.requestId
                && Objects.equals(predicate, that.predicate)
                && rowsEmitted == that.rowsEmitted;
    }

    @Override
    public int hashCode() {
        return Objects.hash(splitId, lowExclusive, highInclusive, lastEmittedId, requestId);
    }

    @Override
    public String toString() {
        return splitId + "(" + lowExclusive + ", " + highInclusive + "] after " + lastEmittedId
                + (requestId == INITIAL_BACKFILL ? "" : " of request " + requestId + (predicate == null ? "" : " where …"));
    }
}
