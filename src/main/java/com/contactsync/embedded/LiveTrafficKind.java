package com.contactsync.embedded;

/** The kinds of change the {@link LiveTrafficSimulator} makes to the profile table. */
public enum LiveTrafficKind {
    /** A new profile with an id above every id seen so far. */
    INSERT,
    /** New contacts for an existing profile. */
    CONTACT_EDIT,
    /** A new name and {@code updated_at} only: a TOASTed contacts value arrives as Debezium's placeholder. */
    OTHER_EDIT,
    /** An existing profile removed. */
    DELETE,
    /** A profile deleted earlier, inserted again under the same id with new contents. */
    REINSERT
}
