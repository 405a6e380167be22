package com.contactsync.verify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * Gathers the findings of all verifier threads: counts, the {@code maxDetails} mismatches of the
 * lowest profile ids, so the report is the same whatever order the threads finish in, and the ids
 * of every mismatched profile (up to {@link #MAX_IDS}) for {@code verify --repair}.
 */
final class MismatchCollector {

    /** 8 MB of ids, as for the re-check; a target further off than that wants a full re-snapshot. */
    static final int MAX_IDS = Suspects.CAPACITY;

    private final int maxDetails;
    private final TreeSet<Mismatch> details = new TreeSet<>();
    private final Map<MismatchKind, Long> counts = new EnumMap<>(MismatchKind.class);
    private long checked;
    private long mismatched;
    private long rechecked;
    private final int maxIds;
    private long[] ids = new long[64];
    private int idCount;

    MismatchCollector(int maxDetails) {
        this(maxDetails, MAX_IDS);
    }

    MismatchCollector(int maxDetails, int maxIds) {
        this.maxDetails = maxDetails;
        this.maxIds = maxIds;
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
        if (idCount < maxIds) {
            if (idCount == ids.length) {
                ids = Arrays.copyOf(ids, Math.min(maxIds, idCount * 2));
            }
            ids[idCount++] = ofOneProfile.get(0).profileId();
        }
        for (Mismatch mismatch : ofOneProfile) {
            counts.merge(mismatch.kind(), 1L, Long::sum);
            details.add(mismatch);
            if (details.size() > maxDetails) {
                details.pollLast();
            }
        }
    }

    synchronized VerificationResult result(Duration elapsed) {
        long[] sorted = Arrays.stream(ids, 0, idCount).sorted().toArray();
        return new VerificationResult(checked, mismatched, rechecked, counts, new ArrayList<>(details), sorted, elapsed);
    }
}
