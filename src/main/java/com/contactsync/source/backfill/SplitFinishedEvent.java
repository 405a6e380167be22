package com.contactsync.source.backfill;

import org.apache.flink.api.connector.source.SourceEvent;

/** Tells the enumerator that a reader has emitted every row of a split; it only feeds metrics. */
final class SplitFinishedEvent implements SourceEvent {

    private static final long serialVersionUID = 1L;

    private final String splitId;

    SplitFinishedEvent(String splitId) {
        this.splitId = splitId;
    }

    String splitId() {
        return splitId;
    }

    @Override
    public String toString() {
        return "SplitFinishedEvent{" + splitId + "}";
    }
}
