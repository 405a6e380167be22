package com.contactsync.verify;

import java.time.Duration;

/**
 * How a consistency check runs: threads over id ranges, rows per keyset page, the share of
 * profiles checked (1.0 = all; less = seeded, reproducible spot checks), how many mismatches are
 * described, and how long a profile that differs is given to settle before it counts.
 */
public record VerifyOptions(
        int threads, int pageRows, double sampleFraction, long sampleSeed, int maxDetails, Duration gracePeriod) {

    public VerifyOptions {
        require(threads >= 1 && threads <= 64, "threads must be in 1..64, got " + threads);
        require(pageRows >= 1 && pageRows <= 100_000, "pageRows must be in 1..100000, got " + pageRows);
        require(sampleFraction > 0 && sampleFraction <= 1,
                "the sample fraction must be in (0, 1] (1 checks every profile), got " + sampleFraction);
        require(maxDetails >= 0, "maxDetails must be >= 0, got " + maxDetails);
        require(gracePeriod != null && !gracePeriod.isNegative(), "the grace period must be >= 0, got " + gracePeriod);
    }

    public static VerifyOptions defaults() {
        return new VerifyOptions(2, 2_000, 1.0, 0, 100, Duration.ofSeconds(2));
    }

    public VerifyOptions withThreads(int n) {
        return new VerifyOptions(n, pageRows, sampleFraction, sampleSeed, maxDetails, gracePeriod);
    }

    public VerifyOptions withPageRows(int rows) {
        return new VerifyOptions(threads, rows, sampleFraction, sampleSeed, maxDetails, gracePeriod);
    }

    /** Checks about {@code fraction} of the profiles; the same seed picks the same profiles. */
    public VerifyOptions withSample(double fraction, long seed) {
        return new VerifyOptions(threads, pageRows, fraction, seed, maxDetails, gracePeriod);
    }

    public VerifyOptions withMaxDetails(int n) {
        return new VerifyOptions(threads, pageRows, sampleFraction, sampleSeed, n, gracePeriod);
    }

    public VerifyOptions withGracePeriod(Duration grace) {
        return new VerifyOptions(threads, pageRows, sampleFraction, sampleSeed, maxDetails, grace);
    }

    private static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }
}
