package com.contactsync.source.backfill;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The enumerator's checkpoint: where the initial backfill's next split starts and where it ends,
 * the splits no reader holds, and the re-snapshot requests accepted and not yet done (the first
 * one running), with the last request id accepted from the request table.
 */
public final class BackfillEnumeratorState {

    /** {@link #lastAcceptedRequestId} of a job that has never polled the request table. */
    public static final long NEVER_POLLED = -1;

    private final long cursor;
    private final long upperBound;
    private final List<IdRangeSplit> unassigned;
    private final int nextSplitNumber;
    private final boolean upperBoundInitialised;
    private final long lastAcceptedRequestId;
    private final List<ResnapshotRequest> requests;
    private final long resnapshotRowsRead;

    public BackfillEnumeratorState(long cursor, long upperBound, List<IdRangeSplit> unassigned,
            int nextSplitNumber, boolean upperBoundInitialised) {
        this(cursor, upperBound, unassigned, nextSplitNumber, upperBoundInitialised, NEVER_POLLED, List.of(), 0);
    }

    BackfillEnumeratorState(long cursor, long upperBound, List<IdRangeSplit> unassigned, int nextSplitNumber,
            boolean upperBoundInitialised, long lastAcceptedRequestId, List<ResnapshotRequest> requests, long resnapshotRowsRead) {
        this.cursor = cursor;
        this.upperBound = upperBound;
        this.unassigned = List.copyOf(unassigned);
        this.nextSplitNumber = nextSplitNumber;
        this.upperBoundInitialised = upperBoundInitialised;
        this.lastAcceptedRequestId = lastAcceptedRequestId;
        List<ResnapshotRequest> copies = new ArrayList<>();
        requests.forEach(r -> copies.add(r.copy()));
        this.requests = List.copyOf(copies);
        this.resnapshotRowsRead = resnapshotRowsRead;
    }

    /** Before the backfill has looked at the table. */
    public static BackfillEnumeratorState initial() {
        return new BackfillEnumeratorState(0, 0, List.of(), 0, false);
    }

    /** No initial backfill (mode live): only requests are read. */
    public static BackfillEnumeratorState withoutInitialBackfill() {
        return new BackfillEnumeratorState(0, 0, List.of(), 0, true);
    }

    /** A bounded run of one selector instead of the whole table (mode backfill with --ids/--where). */
    public static BackfillEnumeratorState forSelector(ResnapshotSelector selector) {
        return new BackfillEnumeratorState(0, 0, List.of(), 0, true, NEVER_POLLED,
                List.of(new ResnapshotRequest(ResnapshotRequest.COMMAND_LINE, selector)), 0);
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

    /** The highest request id taken from the request table, or {@link #NEVER_POLLED}. */
    public long lastAcceptedRequestId() {
        return lastAcceptedRequestId;
    }

    /** Accepted requests not yet done, in the order they run; copies. */
    List<ResnapshotRequest> requests() {
        List<ResnapshotRequest> copies = new ArrayList<>();
        requests.forEach(r -> copies.add(r.copy()));
        return copies;
    }

    /** Rows read by re-snapshot requests since the job first started. */
    public long resnapshotRowsRead() {
        return resnapshotRowsRead;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BackfillEnumeratorState that
                && cursor == that.cursor
                && upperBound == that.upperBound
                && nextSplitNumber == that.nextSplitNumber
                && upperBoundInitialised == that.upperBoundInitialised
                && unassigned.equals(that.unassigned)
                && lastAcceptedRequestId == that.lastAcceptedRequestId
                && requests.equals(that.requests)
                && resnapshotRowsRead == that.resnapshotRowsRead;
    }

    @Override
    public int hashCode() {
        return Objects.hash(cursor, upperBound, unassigned, nextSplitNumber, upperBoundInitialised, lastAcceptedRequestId, requests);
    }

    @Override
    public String toString() {
        return "BackfillEnumeratorState{cursor=" + cursor + ", upperBound=" + upperBound
                + (upperBoundInitialised ? "" : " (not yet read)") + ", unassigned=" + unassigned
                + ", nextSplitNumber=" + nextSplitNumber + ", lastAcceptedRequest=" + lastAcceptedRequestId
                + ", requests=" + requests + "}";
    }
}
