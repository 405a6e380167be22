package com.contactsync.source.backfill;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A re-snapshot request the enumerator has accepted, and how far it got: the id ranges it covers
 * (for {@code --all}/{@code --where} resolved to the table's id range when it starts), the next
 * split's start, and progress. Mutated only in the enumerator's thread; checkpointed with it.
 */
final class ResnapshotRequest {

    /** The id of a bounded run's selector given on the command line (mode backfill), not in the request table. */
    static final long COMMAND_LINE = -1;

    final long id;
    final ResnapshotSelector selector;
    /** Null until resolved (ids: at once; all/where: from the table's id range when the request starts). */
    List<ResnapshotSelector.IdSpan> ranges;
    int rangeIndex;
    long cursor;
    int splitsCut;
    long finishedSpan;
    long rowsRead;
    /** Not checkpointed: after a restore the running request is reported again. */
    boolean reportedRunning;

    ResnapshotRequest(long id, ResnapshotSelector selector) {
        this.id = id;
        this.selector = Objects.requireNonNull(selector);
        if (selector.kind() == ResnapshotSelector.Kind.IDS) {
            resolve(selector.ranges());
        }
    }

    ResnapshotRequest(long id, ResnapshotSelector selector, List<ResnapshotSelector.IdSpan> ranges, int rangeIndex,
            long cursor, int splitsCut, long finishedSpan, long rowsRead) {
        this.id = id;
        this.selector = selector;
        this.ranges = ranges == null ? null : new ArrayList<>(ranges);
        this.rangeIndex = rangeIndex;
        this.cursor = cursor;
        this.splitsCut = splitsCut;
        this.finishedSpan = finishedSpan;
        this.rowsRead = rowsRead;
    }

    void resolve(List<ResnapshotSelector.IdSpan> spans) {
        ranges = new ArrayList<>(spans);
        rangeIndex = 0;
        cursor = spans.isEmpty() ? 0 : spans.get(0).lowExclusive();
    }

    boolean resolved() {
        return ranges != null;
    }

    boolean allCut() {
        return resolved() && rangeIndex >= ranges.size();
    }

    ResnapshotSelector.IdSpan currentRange() {
        return ranges.get(rangeIndex);
    }

    /** Records that a split up to {@code end} was cut; moves to the next range when this one is cut through. */
    void cut(long end) {
        splitsCut++;
        cursor = end;
        if (end >= currentRange().highInclusive()) {
            rangeIndex++;
            cursor = rangeIndex < ranges.size() ? ranges.get(rangeIndex).lowExclusive() : cursor;
        }
    }

    /** 0..1 by id span of finished splits: monotonic, and 1 when done (ids may be sparse, so not a row fraction). */
    double progress() {
        if (!resolved()) {
            return 0;
        }
        double total = 0;
        for (ResnapshotSelector.IdSpan span : ranges) {
            total += span.width();
        }
        return total == 0 ? 1 : Math.min(1, finishedSpan / total);
    }

    ResnapshotRequest copy() {
        return new ResnapshotRequest(id, selector, ranges, rangeIndex, cursor, splitsCut, finishedSpan, rowsRead);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ResnapshotRequest that && id == that.id && selector.equals(that.selector)
                && Objects.equals(ranges, that.ranges) && rangeIndex == that.rangeIndex && cursor == that.cursor
                && splitsCut == that.splitsCut && finishedSpan == that.finishedSpan && rowsRead == that.rowsRead;
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, selector, ranges, rangeIndex, cursor);
    }

    @Override
    public String toString() {
        return "request " + id + " " + selector + (resolved() ? " at " + cursor + " (range " + rangeIndex + ")" : " (not started)");
    }
}
