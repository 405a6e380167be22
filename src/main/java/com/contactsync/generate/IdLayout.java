package com.contactsync.generate;

import java.util.PrimitiveIterator;
import java.util.SplittableRandom;

/**
 * The ids of generated profiles: dense (1, 2, 3, ...) or sparse, with random gaps like a table
 * whose rows were deleted over the years or whose sequence was shared. Reproducible from its seed.
 */
public final class IdLayout {

    private final long firstId;
    private final double gapShare;
    private final int maxGap;
    private final long seed;

    private IdLayout(long firstId, double gapShare, int maxGap, long seed) {
        if (firstId < 1) {
            throw new IllegalArgumentException("the first id must be >= 1, got " + firstId);
        }
        if (!(gapShare >= 0 && gapShare <= 1) || maxGap < 1) {
            throw new IllegalArgumentException(
                    "gapShare must be in 0..1 and maxGap >= 1, got " + gapShare + " and " + maxGap);
        }
        this.firstId = firstId;
        this.gapShare = gapShare;
        this.maxGap = maxGap;
        this.seed = seed;
    }

    /** Ids 1..N. */
    public static IdLayout dense() {
        return new IdLayout(1, 0, 1, 0);
    }

    /** After each id, with probability {@code gapShare}, 1..maxGap ids are skipped. */
    public static IdLayout sparse(long seed, double gapShare, int maxGap) {
        return new IdLayout(1, gapShare, maxGap, seed);
    }

    /** The same layout, starting at {@code firstId} (to append to a table). */
    public IdLayout startingAt(long id) {
        return new IdLayout(id, gapShare, maxGap, seed);
    }

    /** The ids in ascending order, without end. */
    public PrimitiveIterator.OfLong ids() {
        SplittableRandom random = new SplittableRandom(seed);
        return new PrimitiveIterator.OfLong() {
            private long next = firstId;

            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public long nextLong() {
                long id = next;
                next += 1 + (gapShare > 0 && random.nextDouble() < gapShare ? 1 + random.nextInt(maxGap) : 0);
                return id;
            }
        };
    }
}
