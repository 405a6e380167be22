package com.contactsync.normalize;

import java.util.Arrays;

/** Optimal string alignment distance: insertions, deletions, substitutions and swaps of neighbours. */
final class EditDistance {

    private EditDistance() {}

    /**
     * The distance between a and b when it is at most {@code limit}, otherwise {@code limit + 1}. Cheap for
     * the usual case of unrelated strings: common ends are skipped and only the diagonal band of width
     * {@code 2 * limit + 1} is computed, stopping once a whole row exceeds the limit.
     */
    static int osaWithin(String a, String b, int limit) {
        int over = limit + 1;
        if (Math.abs(a.length() - b.length()) > limit) {
            return over;
        }
        int start = 0;
        int endA = a.length();
        int endB = b.length();
        while (start < endA && start < endB && a.charAt(start) == b.charAt(start)) {
            start++;
        }
        while (endA > start && endB > start && a.charAt(endA - 1) == b.charAt(endB - 1)) {
            endA--;
            endB--;
        }
        int n = endA - start;
        int m = endB - start;
        if (n == 0 || m == 0) {
            return Math.min(Math.max(n, m), over);
        }
        int[] before = new int[m + 1];
        int[] previous = new int[m + 1];
        int[] current = new int[m + 1];
        Arrays.fill(before, over);
        for (int j = 0; j <= m; j++) {
            previous[j] = Math.min(j, over);
        }
        for (int i = 1; i <= n; i++) {
            int from = Math.max(1, i - limit);
            int to = Math.min(m, i + limit);
            current[0] = Math.min(i, over);
            current[from - 1] = from == 1 ? current[0] : over;
            int rowMin = current[0];
            char ca = a.charAt(start + i - 1);
            for (int j = from; j <= to; j++) {
                char cb = b.charAt(start + j - 1);
                int d = Math.min(Math.min(previous[j] + 1, current[j - 1] + 1),
                        previous[j - 1] + (ca == cb ? 0 : 1));
                if (i > 1 && j > 1 && ca == b.charAt(start + j - 2) && a.charAt(start + i - 2) == cb) {
                    d = Math.min(d, before[j - 2] + 1);
                }
                current[j] = Math.min(d, over);
                rowMin = Math.min(rowMin, current[j]);
            }
            if (to < m) {
                current[to + 1] = over;
            }
            if (rowMin > limit) {
                return over;
            }
            int[] recycled = before;
            before = previous;
            previous = current;
            current = recycled;
        }
        return previous[m];
    }
}
