package com.contactsync.job;

/**
 * The stable uid and readable name of every stateful operator, in one place. Savepoints map state
 * to operators by uid: never change one of these; add new ones instead.
 */
public enum OperatorIds {
    BACKFILL_SOURCE("backfill-source", "Backfill: profile id-range splits"),
    CHANGE_SOURCE("change-source", "Live: profile change topic"),
    CHANGE_PARSER("change-parser", "Parse change events (profile events, markers, dead letters)"),
    DEAD_LETTER_SINK("dead-letter-sink", "Dead letters: contactsync_dead_letter"),
    PROFILE_SYNC("profile-sync", "Normalize, dedupe and decide writes (keyed by profile)"),
    WRITE_BATCHER("write-batcher", "Batch profile writes until the next checkpoint barrier"),
    SINK("contacts-sink", "Exactly-once JDBC sink (XA): profile_email, profile_phone, quality");

    private final String uid;
    private final String displayName;

    OperatorIds(String uid, String displayName) {
        this.uid = uid;
        this.displayName = displayName;
    }

    public String uid() {
        return uid;
    }

    public String displayName() {
        return displayName;
    }
}
