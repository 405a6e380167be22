package com.contactsync.verify;

import java.util.ArrayList;
import java.util.List;

/** The ids {@code afterId < id <= upToId}, the unit of work of one verifier thread. */
record IdRange(long afterId, long upToId) {

    /** Cuts {@code (afterId, upToId]} into at most {@code parts} ranges of about equal width. */
    static List<IdRange> split(long afterId, long upToId, int parts) {
        List<IdRange> ranges = new ArrayList<>(parts);
        if (upToId <= afterId) {
            return ranges;
        }
        // Unsigned arithmetic: the width of (Long.MIN_VALUE, Long.MAX_VALUE] does not fit a signed long.
        long width = Long.divideUnsigned(upToId - afterId, parts);
        long from = afterId;
        for (int i = 0; i < parts - 1 && width > 0; i++) {
            ranges.add(new IdRange(from, from + width));
            from += width;
        }
        ranges.add(new IdRange(from, upToId));
        return ranges;
    }
}
