package com.contactsync.verify;

/** How a profile's rows in the target differ from what its contacts say they must be. */
public enum MismatchKind {
    /** A row the contacts call for is not in the target table. */
    MISSING_ROW,
    /** A row is in the target table that the contacts do not call for. */
    UNEXPECTED_ROW,
    /** The row with this key exists, but other columns hold other values. */
    DIFFERENT_VALUE,
    /** Rows remain for a profile that no longer exists in the source. */
    ORPHANED_PROFILE
}
