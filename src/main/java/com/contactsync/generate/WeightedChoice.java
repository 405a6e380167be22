package com.contactsync.generate;

import java.util.Collection;
import java.util.SplittableRandom;

/** Picks an index with probability proportional to its weight. */
final class WeightedChoice {

    private final double[] cumulative;

    WeightedChoice(Collection<Double> weights) {
        cumulative = new double[weights.size()];
        double sum = 0;
        int i = 0;
        for (double weight : weights) {
            if (weight < 0) {
                throw new IllegalArgumentException("weights must be >= 0, got " + weights);
            }
            sum += weight;
            cumulative[i++] = sum;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one weight must be > 0, got " + weights);
        }
    }

    int pick(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (int i = 0; i < cumulative.length; i++) {
            if (x < cumulative[i]) {
                return i;
            }
        }
        return cumulative.length - 1;
    }

    static <T> T oneOf(SplittableRandom random, T[] values) {
        return values[random.nextInt(values.length)];
    }
}
