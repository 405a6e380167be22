package com.contactsync.source.backfill;

import java.io.Serializable;

/**
 * Indexes of the target that the initial backfill leaves to its end (the job passes the sink's
 * deferred secondary indexes): the enumerator runs this once the initial backfill is cut through.
 */
@FunctionalInterface
public interface IndexBuild extends Serializable {

    /** Builds the missing indexes, blocking (never on the coordinator thread); returns how many are still missing. */
    int buildMissing() throws Exception;
}
