package com.contactsync.source.backfill;

import org.apache.flink.api.connector.source.SourceSplit;

import java.util.Objects;

/**
 * A range of profile ids {@code (lowExclusive, highInclusive]} and how far a reader has emitted
 * it: reading resumes right after {@code lastEmittedId} ({@code lowExclusive} when nothing was emitted).
 */
public final class IdRangeSplit implements SourceSplit {

    private final String splitId;
    private final long lowExclusive;
    private final long highInclusive;
    private final long lastEmittedId;

    public IdRangeSplit(String splitId, long lowExclusive, long highInclusive, long lastEmittedId) {
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
    }

    /** A split nothing has been read from yet. */
    public static IdRangeSplit unread(String splitId, long lowExclusive, long highInclusive) {
        return new IdRangeSplit(splitId, lowExclusive, highInclusive, lowExclusive);
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

    public IdRangeSplit withLastEmittedId(long id) {
        return new IdRangeSplit(splitId, lowExclusive, highInclusive, id);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdRangeSplit that
                && splitId.equals(that.splitId)
                && lowExclusive == that.lowExclusive
                && highInclusive == that.highInclusive
                && lastEmittedId == that.lastEmittedId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(splitId, lowExclusive, highInclusive, lastEmittedId);
    }

    @Override
    public String toString() {
        return splitId + "(" + lowExclusive + ", " + highInclusive + "] after " + lastEmittedId;
    }
}
