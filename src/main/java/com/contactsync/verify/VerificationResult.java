package com.contactsync.verify;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The outcome of a consistency check: how many source profiles were compared, how many profiles
 * (orphans included) still differed after their re-check, mismatches counted by kind, and the
 * first {@code maxDetails} of them by profile id.
 *
 * @param rechecked profiles that differed at first and were compared again after the grace period
 * @param mismatchedIds the ids of the profiles that differ, ascending: all of them unless there are
 *     more than {@code MismatchCollector.MAX_IDS} (see {@link #allMismatchedIdsKept()})
 */
public record VerificationResult(
        long checked,
        long mismatched,
        long rechecked,
        Map<MismatchKind, Long> countsByKind,
        List<Mismatch> details,
        long[] mismatchedIds,
        Duration elapsed) {

    public VerificationResult {
        countsByKind = Map.copyOf(countsByKind);
        details = List.copyOf(details);
        mismatchedIds = mismatchedIds.clone();
    }

    @Override
    public long[] mismatchedIds() {
        return mismatchedIds.clone();
    }

    /** False when more profiles differ than ids were kept: a repair of {@link #mismatchedIds()} is then partial. */
    public boolean allMismatchedIdsKept() {
        return mismatchedIds.length == mismatched;
    }

    public boolean consistent() {
        return mismatched == 0;
    }

    public long count(MismatchKind kind) {
        return countsByKind.getOrDefault(kind, 0L);
    }

    /** A one-line summary without any contact data. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(String.format(
                "checked %,d profiles in %.1f s: %s", checked, elapsed.toMillis() / 1000.0,
                consistent() ? "consistent" : String.format("%,d profiles differ", mismatched)));
        for (MismatchKind kind : MismatchKind.values()) {
            if (count(kind) > 0) {
                text.append(String.format(", %s %,d", kind, count(kind)));
            }
        }
        if (rechecked > 0) {
            text.append(String.format(" (%,d re-checked after the grace period)", rechecked));
        }
        return text.toString();
    }
}
