package com.contactsync.embedded;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The profile ids live traffic works on: new ids above every id seen, existing ids picked at random
 * from the id range minus what it deleted, and the deleted ids waiting to be re-inserted. Ids the
 * table never had (gaps) are not known here: the writer sees them as updates of no row and retries.
 */
final class LiveTrafficIds {

    private static final int PICK_ATTEMPTS = 16;

    private final long lowestId;
    private long nextNewId;
    private final List<Long> deletedOrder = new ArrayList<>();
    private final Set<Long> deleted = new HashSet<>();

    /** {@code lowestId} and {@code highestId} as the table has them now; 0 and 0 for an empty table. */
    LiveTrafficIds(long lowestId, long highestId) {
        this.lowestId = Math.max(1, lowestId);
        this.nextNewId = Math.max(this.lowestId, highestId + 1);
    }

    long takeNewId() {
        return nextNewId++;
    }

    /** A random id that should exist, or -1 when none is likely to. */
    long randomExisting(SplittableRandom random) {
        if (nextNewId <= lowestId) {
            return -1;
        }
        for (int i = 0; i < PICK_ATTEMPTS; i++) {
            long id = random.nextLong(lowestId, nextNewId);
            if (!deleted.contains(id)) {
                return id;
            }
        }
        return -1;
    }

    void markDeleted(long id) {
        if (deleted.add(id)) {
            deletedOrder.add(id);
        }
    }

    /** Removes and returns a random deleted id, or -1 when nothing was deleted. */
    long takeRandomDeleted(SplittableRandom random) {
        if (deletedOrder.isEmpty()) {
            return -1;
        }
        int index = random.nextInt(deletedOrder.size());
        long id = deletedOrder.get(index);
        deletedOrder.set(index, deletedOrder.get(deletedOrder.size() - 1));
        deletedOrder.remove(deletedOrder.size() - 1);
        deleted.remove(id);
        return id;
    }
}
