package com.contactsync.source.change;

import com.contactsync.deadletter.DeadLetter;
import com.contactsync.source.ProfileEvent;

import java.util.Objects;

/**
 * What one record of the change topic became: a profile event, a coverage marker, or a dead letter;
 * exactly one of the three fields is set, as {@link #kind} says.
 *
 * <p>A Flink POJO with POJO and enum fields only, so it serializes with generic types disabled.
 */
public class ChangeRecord {

    /** Which of the fields is set. */
    public enum Kind {
        /** A change of a profile row: {@link #event}. */
        PROFILE,
        /** A row of the watermark table, i.e. a coverage marker: {@link #markerId}. */
        MARKER,
        /** A record the job cannot use: {@link #deadLetter}. */
        DEAD_LETTER
    }

    public Kind kind;
    public ProfileEvent event;
    public String markerId;
    public DeadLetter deadLetter;

    public ChangeRecord() {}

    public static ChangeRecord profile(ProfileEvent event) {
        ChangeRecord record = new ChangeRecord();
        record.kind = Kind.PROFILE;
        record.event = Objects.requireNonNull(event);
        return record;
    }

    public static ChangeRecord marker(String markerId) {
        ChangeRecord record = new ChangeRecord();
        record.kind = Kind.MARKER;
        record.markerId = Objects.requireNonNull(markerId);
        return record;
    }

    public static ChangeRecord deadLetter(DeadLetter deadLetter) {
        ChangeRecord record = new ChangeRecord();
        record.kind = Kind.DEAD_LETTER;
        record.deadLetter = Objects.requireNonNull(deadLetter);
        return record;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ChangeRecord)) {
            return false;
        }
        ChangeRecord that = (ChangeRecord) o;
        return kind == that.kind
                && Objects.equals(event, that.event)
                && Objects.equals(markerId, that.markerId)
                && Objects.equals(deadLetter, that.deadLetter);
    }

    @Override
    public int hashCode() {
        return Objects.hash(kind, event, markerId, deadLetter);
    }

    @Override
    public String toString() {
        Object content = kind == Kind.PROFILE ? event : kind == Kind.MARKER ? "marker " + markerId : deadLetter;
        return "ChangeRecord{" + content + "}";
    }
}
