package com.contactsync.source.backfill;

/** The mutable position of a split being read: the id of the last row emitted downstream. */
final class IdRangeSplitState {

    private final IdRangeSplit split;
    private long lastEmittedId;

    IdRangeSplitState(IdRangeSplit split) {
        this.split = split;
        this.lastEmittedId = split.lastEmittedId();
    }

    void emitted(long id) {
        lastEmittedId = id;
    }

    IdRangeSplit toSplit() {
        return split.withLastEmittedId(lastEmittedId);
    }
}
