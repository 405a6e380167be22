package com.contactsync.sync;

/**
 * What the sync operator remembers per profile. A Flink POJO so fields can be added in later
 * versions without losing savepoints; a field added later reads as its default in older state,
 * so every default below means "unknown" and leads to the conservative decision.
 */
public class ProfileSyncState {

    /** Fingerprint of the last write sent to the sink; a write with the same one is a no-op. */
    public long writtenFingerprint;
    /** Whether anything was written at all (a fingerprint of 0 is a valid value). */
    public boolean written;
    /**
     * Whether a change event from the topic has been applied: from then on a snapshot row is
     * applied only if that change is visible in the row's snapshot ({@link #lastChangeTxId}).
     */
    public boolean changeApplied;
    /**
     * The 32-bit PostgreSQL transaction id (Debezium's {@code source.txId}) of the last change
     * applied; 0 = unknown (state of an older build, or an event without a txId): then no snapshot
     * row is applied until a change with a known txId is.
     */
    public long lastChangeTxId;
    /**
     * Whether {@link #country} holds the country column of the image last applied (to tell whether
     * an update with unchanged TOASTed contacts changed the country); false in older state.
     */
    public boolean countryKnown;
    /** The country column of the image last applied; null is a value (no country) when {@link #countryKnown}. */
    public String country;

    public ProfileSyncState() {}
}
