package com.contactsync.embedded;

import java.util.EnumMap;
import java.util.Map;
import java.util.SplittableRandom;

/** How often the {@link LiveTrafficSimulator} makes each kind of change, as relative weights. */
public final class LiveTrafficMix {

    private static final LiveTrafficKind[] KINDS = LiveTrafficKind.values();

    private final Map<LiveTrafficKind, Double> weights;
    private final double[] cumulative = new double[KINDS.length];
    private final LiveTrafficKind lastWeighted;

    private LiveTrafficMix(Map<LiveTrafficKind, Double> weights) {
        this.weights = Map.copyOf(weights);
        double sum = 0;
        LiveTrafficKind last = null;
        for (LiveTrafficKind kind : KINDS) {
            double weight = weights.getOrDefault(kind, 0.0);
            if (!(weight >= 0) || Double.isInfinite(weight)) {
                throw new IllegalArgumentException("the weight of " + kind + " must be a number >= 0, got " + weight);
            }
            sum += weight;
            cumulative[kind.ordinal()] = sum;
            last = weight > 0 ? kind : last;
        }
        if (sum <= 0) {
            throw new IllegalArgumentException("at least one kind of change needs a weight > 0, got " + weights);
        }
        this.lastWeighted = last;
    }

    /** 25% inserts, 40% contact edits, 15% edits of other columns, 12% deletes, 8% re-inserts. */
    public static LiveTrafficMix defaults() {
        Map<LiveTrafficKind, Double> weights = new EnumMap<>(LiveTrafficKind.class);
        weights.put(LiveTrafficKind.INSERT, 25.0);
        weights.put(LiveTrafficKind.CONTACT_EDIT, 40.0);
        weights.put(LiveTrafficKind.OTHER_EDIT, 15.0);
        weights.put(LiveTrafficKind.DELETE, 12.0);
        weights.put(LiveTrafficKind.REINSERT, 8.0);
        return new LiveTrafficMix(weights);
    }

    /** Relative weights; kinds left out never occur. */
    public static LiveTrafficMix of(Map<LiveTrafficKind, Double> weights) {
        return new LiveTrafficMix(weights);
    }

    public Map<LiveTrafficKind, Double> weights() {
        return weights;
    }

    LiveTrafficKind pick(SplittableRandom random) {
        double x = random.nextDouble() * cumulative[cumulative.length - 1];
        for (LiveTrafficKind kind : KINDS) {
            if (x < cumulative[kind.ordinal()]) {
                return kind;
            }
        }
        return lastWeighted; // x rounded up to the total
    }

    @Override
    public String toString() {
        return "LiveTrafficMix" + new EnumMap<>(weights);
    }
}
