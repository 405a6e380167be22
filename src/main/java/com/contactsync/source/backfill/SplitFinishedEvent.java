package com.contactsync.source.backfill;

import org.apache.flink.api.connector.source.SourceEvent;

/**
 * Tells the enumerator that a reader has emitted every row of a split; it feeds metrics and a
 * re-snapshot request's progress (not its completion, which does not depend on events arriving).
 */
final class SplitFinishedEvent implements SourceEvent {

    private static final long serialVersionUID = 2L;

    private final String splitId;
    private final long requestId;
    private final long span;
    private final long rows;

    SplitFinishedEvent(String splitId) {
        this(splitId, IdRangeSplit.INITIAL_BACKFILL, 0, 0);
    }

    SplitFinishedEvent(String splitId, long requestId, long span, long rows) {
        this.splitId = splitId;
        this.requestId = requestId;
        this.span = span;
        this.rows = rows;
    }

    static SplitFinishedEvent of(IdRangeSplit split) {
        long span = split.highInclusive() - split.lowExclusive();
        return new SplitFinishedEvent(split.splitId(), split.requestId(), span < 0 ? Long.MAX_VALUE : span, split.rowsEmitted());
    }

    String splitId() {
        return splitId;
    }

    long requestId() {
        return requestId;
    }

    long span() {
        return span;
    }

    long rows() {
        return rows;
    }

    @Override
    public String toString() {
        return "SplitFinishedEvent{" + splitId + "}";
    }
}
