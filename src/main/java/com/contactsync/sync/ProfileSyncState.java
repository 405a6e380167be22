package com.contactsync.sync;

/**
 * What the sync operator remembers per profile. A Flink POJO so fields can be added in later
 * versions without losing savepoints.
 */
public class ProfileSyncState {

    /** Fingerprint of the last write sent to the sink; a write with the same one is a no-op. */
    public long writtenFingerprint;
    /** Whether anything was written at all (a fingerprint of 0 is a valid value). */
    public boolean written;
    /**
     * Whether a change event from the topic has been applied: from then on the topic owns the
     * profile and a backfill row (possibly older) is never applied.
     */
    public boolean changeApplied;

    public ProfileSyncState() {}
}
