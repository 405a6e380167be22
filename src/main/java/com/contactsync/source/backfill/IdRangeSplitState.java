package com.contactsync.source.backfill;

/** The mutable position of a split being read: the id of the last row emitted downstream, and how many were. */
final class IdRangeSplitState {

    private final IdRangeSplit split;
    private long lastEmittedId;
    private long rowsEmitted;

    IdRangeSplitState(IdRangeSplit split) {
        this.split = split;
        this.lastEmittedId = split.lastEmittedId();
        this.rowsEmitted = split.rowsEmitted();
    }

    void emitted(long id) {
        lastEmittedId = id;
        rowsEmitted++;
    }

    IdRangeSplit toSplit() {
        return split.withPosition(lastEmittedId, rowsEmitted);
    }
}
