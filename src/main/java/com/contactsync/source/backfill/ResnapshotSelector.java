package com.contactsync.source.backfill;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Which profiles a re-snapshot reads: all, id ranges ({@code --ids 1-100,250,300-400}), or those
 * matching a predicate on the profile table ({@code --where}; validated by {@link PredicateValidator}
 * before it is recorded). Ranges are {@code (lowExclusive, highInclusive]}, sorted and disjoint.
 */
public record ResnapshotSelector(Kind kind, List<IdSpan> ranges, String predicate) implements Serializable {

    /** How profiles are selected; the name is what the request table stores. */
    public enum Kind { ALL, IDS, WHERE }

    /** Ids {@code (lowExclusive, highInclusive]}. */
    public record IdSpan(long lowExclusive, long highInclusive) implements Serializable {
        public IdSpan {
            if (highInclusive <= lowExclusive) {
                throw new IllegalArgumentException("an id range needs low <= high, got " + (lowExclusive + 1) + "-" + highInclusive);
            }
        }

        long width() {
            // Saturates: a span over most of the long range must not overflow the progress arithmetic.
            long width = highInclusive - lowExclusive;
            return width < 0 ? Long.MAX_VALUE : width;
        }
    }

    public ResnapshotSelector {
        Objects.requireNonNull(kind, "a selector needs a kind");
        ranges = List.copyOf(ranges);
        if (kind == Kind.IDS && ranges.isEmpty()) {
            throw new IllegalArgumentException("--ids needs at least one id or range, e.g. --ids 1-1000,2500");
        }
        if (kind == Kind.WHERE && (predicate == null || predicate.isBlank())) {
            throw new IllegalArgumentException("--where needs a predicate on the profile table, e.g. --where \"country = 'DE'\"");
        }
        if (kind != Kind.WHERE && predicate != null) {
            throw new IllegalArgumentException("only --where takes a predicate");
        }
    }

    public static ResnapshotSelector all() {
        return new ResnapshotSelector(Kind.ALL, List.of(), null);
    }

    public static ResnapshotSelector where(String predicate) {
        return new ResnapshotSelector(Kind.WHERE, List.of(), predicate.trim());
    }

    /** Parses {@code A-B[,C-D…]} (single ids allowed, negative ids as {@code -5--1}); merges overlaps. */
    public static ResnapshotSelector ids(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("--ids needs ranges like 1-1000,2500,3000-3999");
        }
        List<long[]> parsed = new ArrayList<>();
        for (String part : text.split(",")) {
            String range = part.trim();
            int dash = range.indexOf('-', 1); // a leading '-' is a sign
            try {
                long low = Long.parseLong(dash < 0 ? range : range.substring(0, dash).trim());
                long high = dash < 0 ? low : Long.parseLong(range.substring(dash + 1).trim());
                if (high < low || low == Long.MIN_VALUE) {
                    throw new IllegalArgumentException("'" + range + "': a range is low-high with low <= high");
                }
                parsed.add(new long[] {low - 1, high});
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("'" + range + "' is not an id or an id range (e.g. 1-1000)");
            }
        }
        parsed.sort((a, b) -> Long.compare(a[0], b[0]));
        List<IdSpan> merged = new ArrayList<>();
        long[] current = null;
        for (long[] span : parsed) {
            if (current != null && span[0] <= current[1]) {
                current[1] = Math.max(current[1], span[1]);
            } else {
                if (current != null) {
                    merged.add(new IdSpan(current[0], current[1]));
                }
                current = span.clone();
            }
        }
        merged.add(new IdSpan(current[0], current[1]));
        return new ResnapshotSelector(Kind.IDS, merged, null);
    }

    /** The ranges as {@link #ids(String)} reads them back, e.g. {@code 1-1000,2500-2500}. */
    public String idsText() {
        StringBuilder text = new StringBuilder();
        for (IdSpan span : ranges) {
            text.append(text.length() == 0 ? "" : ",").append(span.lowExclusive() + 1).append('-').append(span.highInclusive());
        }
        return text.toString();
    }

    /** From the request table's columns. */
    public static ResnapshotSelector of(String kind, String ids, String predicate) {
        return switch (Kind.valueOf(kind.toUpperCase(java.util.Locale.ROOT))) {
            case ALL -> all();
            case IDS -> ids(ids);
            case WHERE -> where(predicate);
        };
    }

    @Override
    public String toString() {
        return switch (kind) {
            case ALL -> "--all";
            case IDS -> "--ids " + idsText();
            case WHERE -> "--where (" + predicate.length() + " characters)";
        };
    }
}
