package com.contactsync.upgrade;

import java.util.Set;
import java.util.TreeSet;

/** Compact text for sets of profile ids ({@code 1-37,40,45-80}), as the kept savepoint's manifest stores them. */
final class IdRanges {

    private IdRanges() {}

    static String format(Set<Long> ids) {
        StringBuilder b = new StringBuilder();
        Long start = null;
        Long previous = null;
        for (long id : new TreeSet<>(ids)) {
            if (previous != null && id == previous + 1) {
                previous = id;
                continue;
            }
            append(b, start, previous);
            start = id;
            previous = id;
        }
        append(b, start, previous);
        return b.toString();
    }

    static Set<Long> parse(String text) {
        Set<Long> ids = new TreeSet<>();
        if (text == null || text.isBlank()) {
            return ids;
        }
        for (String part : text.split(",")) {
            String[] bounds = part.trim().split("-");
            long low = Long.parseLong(bounds[0]);
            long high = bounds.length > 1 ? Long.parseLong(bounds[1]) : low;
            for (long id = low; id <= high; id++) {
                ids.add(id);
            }
        }
        return ids;
    }

    private static void append(StringBuilder b, Long start, Long end) {
        if (start == null) {
            return;
        }
        if (b.length() > 0) {
            b.append(',');
        }
        b.append(start);
        if (!start.equals(end)) {
            b.append('-').append(end);
        }
    }
}
