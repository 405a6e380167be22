package com.contactsync.source;

import java.util.Arrays;
import java.util.Objects;

/**
 * One observation of a profile's contacts, from either source: a row read by the backfill or a
 * change event from the topic. The keyed sync operator decides what it means for the tables.
 *
 * <p>A Flink POJO (public fields, no-arg constructor) so its serializer can evolve.
 */
public class ProfileEvent {

    /** What kind of observation this is. */
    public enum Kind {
        /** Read by the backfill: the row as it was at some moment during the backfill. */
        SNAPSHOT,
        /** Created or updated in the source (a change event's after-image). */
        UPSERT,
        /** Deleted in the source. */
        DELETE
    }

    public long profileId;
    public Kind kind;
    /** The contacts column as text; null when the column is null or (see below) unknown. */
    public String contacts;
    /** The profile's country column, when one is configured; may be null. */
    public String country;
    /**
     * True when the change event did not carry the contacts column (an unchanged TOASTed value):
     * the contacts are unchanged, not empty.
     */
    public boolean contactsUnchanged;
    /** When the source committed the change (Debezium's source.ts_ms); 0 when unknown. */
    public long sourceTimestampMillis;
    /**
     * The change's PostgreSQL transaction id (Debezium's {@code source.txId}, 32 bits, no epoch);
     * 0 when unknown (an event without it). Snapshot rows: 0.
     */
    public long txId;
    /**
     * The MVCC snapshot a snapshot row was read under ({@code pg_current_snapshot()} of its page's
     * statement): xmin, xmax and the in-progress xids. {@code snapshotXmax == 0}: not known (a row of
     * an older build, or a change event), and the row then loses to any applied change.
     */
    public long snapshotXmin;
    public long snapshotXmax;
    public long[] snapshotXip;
    /**
     * A snapshot row saying "no such profile in this snapshot" (a re-snapshot found the target
     * holding a profile the source does not): applied, it removes the profile's rows.
     */
    public boolean absent;

    public ProfileEvent() {}

    public static ProfileEvent snapshot(long profileId, String contacts, String country) {
        ProfileEvent e = new ProfileEvent();
        e.profileId = profileId;
        e.kind = Kind.SNAPSHOT;
        e.contacts = contacts;
        e.country = country;
        return e;
    }

    public static ProfileEvent upsert(long profileId, String contacts, String country) {
        ProfileEvent e = snapshot(profileId, contacts, country);
        e.kind = Kind.UPSERT;
        return e;
    }

    public static ProfileEvent delete(long profileId) {
        ProfileEvent e = new ProfileEvent();
        e.profileId = profileId;
        e.kind = Kind.DELETE;
        return e;
    }

    /** A snapshot row read under {@code snapshot}. */
    public static ProfileEvent snapshot(long profileId, String contacts, String country, PgSnapshot snapshot) {
        return snapshot(profileId, contacts, country).readUnder(snapshot);
    }

    /** A re-snapshot's "this profile does not exist in {@code snapshot}". */
    public static ProfileEvent absent(long profileId, PgSnapshot snapshot) {
        ProfileEvent e = snapshot(profileId, null, null, snapshot);
        e.absent = true;
        return e;
    }

    /** Records the snapshot this row was read under; returns this event. */
    public ProfileEvent readUnder(PgSnapshot snapshot) {
        snapshotXmin = snapshot.xmin();
        snapshotXmax = snapshot.xmax();
        snapshotXip = snapshot.xip();
        return this;
    }

    /** Records the change's transaction id (32-bit, as Debezium sends it); returns this event. */
    public ProfileEvent inTransaction(long txId) {
        this.txId = txId;
        return this;
    }

    /** The snapshot a snapshot row was read under, or null when unknown. */
    public PgSnapshot readSnapshot() {
        return snapshotXmax == 0 ? null : new PgSnapshot(snapshotXmin, snapshotXmax, snapshotXip == null ? new long[0] : snapshotXip);
    }

    /** What the event says about the profile; when it was committed is metadata (lag metrics) and not compared. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ProfileEvent)) {
            return false;
        }
        ProfileEvent that = (ProfileEvent) o;
        return profileId == that.profileId
                && contactsUnchanged == that.contactsUnchanged
                && txId == that.txId
                && absent == that.absent
                && snapshotXmin == that.snapshotXmin
                && snapshotXmax == that.snapshotXmax
                && Arrays.equals(snapshotXip, that.snapshotXip)
                && kind == that.kind
                && Objects.equals(contacts, that.contacts)
                && Objects.equals(country, that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profileId, kind, contacts, country, contactsUnchanged, txId, snapshotXmax);
    }

    /** Never prints contacts: they hold personal data. */
    @Override
    public String toString() {
        return "ProfileEvent{" + kind + (absent ? " absent" : "") + " id=" + profileId
                + (txId != 0 ? " tx=" + txId : "") + (snapshotXmax != 0 ? " snapshot=" + readSnapshot() : "") + "}";
    }
}
