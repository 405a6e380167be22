package com.contactsync.source.backfill;

import java.util.List;
import java.util.Objects;

/** The enumerator's checkpoint: where the next split starts, where the backfill ends, and the splits no reader holds. */
public final class BackfillEnumeratorState {

    private final long cursor;
    private final long upperBound;
    private final List<IdRangeSplit> unassigned;
    private final int nextSplitNumber;
    private final boolean upperBoundInitialised;

    public BackfillEnumeratorState(long cursor, long upperBound, List<IdRangeSplit> unassigned,
            int nextSplitNumber, boolean upperBoundInitialised) {
        this.cursor = cursor;
        this.upperBound = upperBound;
        this.unassigned = List.copyOf(unassigned);
        this.nextSplitNumber = nextSplitNumber;
        this.upperBoundInitialised = upperBoundInitialised;
    }

    /** Before the backfill has looked at the table. */
    public static BackfillEnumeratorState initial() {
        return new BackfillEnumeratorState(0, 0, List.of(), 0, false);
    }

    /** Exclusive lower bound of the next split to cut. */
    public long cursor() {
        return cursor;
    }

    /** The highest id the backfill reads, fixed when it first started. */
    public long upperBound() {
        return upperBound;
    }

    /**
     * Splits handed back by failed readers (or cut ahead) and not yet reassigned. Splits behind the
     * cursor that are not here are finished or held in a reader's own checkpointed state.
     */
    public List<IdRangeSplit> unassigned() {
        return unassigned;
    }

    public int nextSplitNumber() {
        return nextSplitNumber;
    }

    public boolean upperBoundInitialised() {
        return upperBoundInitialised;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackfillEnumeratorState that
                && cursor == that.cursor
                && upperBound == that.upperBound
                && nextSplitNumber == that.nextSplitNumber
                && upperBoundInitialised == that.upperBoundInitialised
                && unassigned.equals(that.unassigned);
    }

    @Override
    public int hashCode() {
        return Objects.hash(cursor, upperBound, unassigned, nextSplitNumber, upperBoundInitialised);
    }

    @Override
    public String toString() {
        return "BackfillEnumeratorState{cursor=" + cursor + ", upperBound=" + upperBound
                + (upperBoundInitialised ? "" : " (not yet read)") + ", unassigned=" + unassigned
                + ", nextSplitNumber=" + nextSplitNumber + "}";
    }
}
