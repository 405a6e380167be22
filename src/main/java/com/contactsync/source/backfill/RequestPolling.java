package com.contactsync.source.backfill;

import java.io.Serializable;
import java.time.Duration;
import java.util.Objects;

/** Where a running job looks for re-snapshot requests, and how often. */
public record RequestPolling(ResnapshotRequestTable table, Duration interval) implements Serializable {

    public RequestPolling {
        Objects.requireNonNull(table, "the request table is required");
        if (interval == null || interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("backfill.request-poll-interval must be positive, e.g. 5 s; got " + interval);
        }
    }
}
