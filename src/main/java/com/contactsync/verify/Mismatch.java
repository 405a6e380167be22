package com.contactsync.verify;

import java.util.Comparator;

/**
 * One difference found for one profile in one target table. The detail names columns and masked
 * values only, never a full email address or phone number.
 */
public record Mismatch(long profileId, String table, MismatchKind kind, String detail) implements Comparable<Mismatch> {

    private static final Comparator<Mismatch> ORDER = Comparator.comparingLong(Mismatch::profileId)
            .thenComparing(Mismatch::table)
            .thenComparing(Mismatch::kind)
            .thenComparing(Mismatch::detail);

    @Override
    public int compareTo(Mismatch other) {
        return ORDER.compare(this, other);
    }
}
