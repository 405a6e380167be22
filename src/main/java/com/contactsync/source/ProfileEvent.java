package com.contactsync.source;

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
    /** Position of the change in the source's log (e.g. LSN); 0 for backfill rows. */
    public long sourcePosition;
    /** When the source committed the change (Debezium's source.ts_ms); 0 when unknown. */
    public long sourceTimestampMillis;

    public ProfileEvent() {}

    public static ProfileEvent snapshot(long profileId, String contacts, String country) {
        ProfileEvent e = new ProfileEvent();
        e.profileId = profileId;
        e.kind = Kind.SNAPSHOT;
        e.contacts = contacts;
        e.country = country;
        return e;
    }

    public static ProfileEvent upsert(long profileId, String contacts, String country, long position) {
        ProfileEvent e = snapshot(profileId, contacts, country);
        e.kind = Kind.UPSERT;
        e.sourcePosition = position;
        return e;
    }

    public static ProfileEvent delete(long profileId, long position) {
        ProfileEvent e = new ProfileEvent();
        e.profileId = profileId;
        e.kind = Kind.DELETE;
        e.sourcePosition = position;
        return e;
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
                && sourcePosition == that.sourcePosition
                && kind == that.kind
                && Objects.equals(contacts, that.contacts)
                && Objects.equals(country, that.country);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profileId, kind, contacts, country, contactsUnchanged, sourcePosition);
    }

    /** Never prints contacts: they hold personal data. */
    @Override
    public String toString() {
        return "ProfileEvent{" + kind + " id=" + profileId + " position=" + sourcePosition + "}";
    }
}
