package com.contactsync.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gathers the findings of all verifier threads: counts, and the {@code maxDetails} mismatches of
 * the lowest profile ids, so the report is the same whatever order the threads finish in.
 */
final class MismatchCollector {

    private final int maxDetails;
    private final TreeSet<Mismatch> details = new TreeSet<>();
    private final Map<MismatchKind, Long> counts = new EnumMap<>(MismatchKind.class);
    private long checked;
    private long mismatched;
    private long rechecked;

    MismatchCollector(int maxDetails) {
        this.maxDetails = maxDetails;
        for (MismatchKind kind : MismatchKind.values()) {
            counts.put(kind, 0L);
        }
    }

    synchronized void checked(int profiles) {
        checked += profiles;
    }

    synchronized void rechecked(int profiles) {
        rechecked += profiles;
    }

    /** The remaining mismatches of one profile. */
    synchronized void add(List<Mismatch> ofOneProfile) {
        if (ofOneProfile.isEmpty()) {
            return;
        }
        mismatched++;
        for (Mismatch mismatch : ofOneProfile) {
            counts.merge(mismatch.kind(), 1L, Long::sum);
            details.add(mismatch);
            if (details.size() > maxDetails) {
                details.pollLast();
            }
        }
    }

    synchronized VerificationResult result(Duration elapsed) {
        return new VerificationResult(checked, mismatched, rechecked, counts, new ArrayList<>(details), elapsed);
    }
}
