package com.contactsync.source.change;

import java.io.Serializable;

/**
 * Asks the running job for a full re-snapshot of the profile table (what
 * {@code ./contactsync backfill request --all} does). Called from source readers, possibly once
 * per partition for the same gap: requests must be idempotent.
 */
@FunctionalInterface
public interface ResnapshotRequester extends Serializable {

    void requestFullResnapshot(String reason) throws Exception;
}
