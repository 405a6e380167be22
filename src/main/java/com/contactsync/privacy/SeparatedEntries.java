package com.contactsync.privacy;

import java.util.List;
import java.util.Set;

/**
 * Removes some entries from a string holding several ({@code "a@x.com; john@example.com, b@y.org"}),
 * keeping the others byte for byte with the separators that stood before them.
 */
final class SeparatedEntries {

    private SeparatedEntries() {}

    /**
     * The text without the pieces at {@code removed} positions. The pieces are the entries the job
     * read from the text, in order; when one cannot be found in it (the job replaces characters
     * PostgreSQL cannot store), the mentions are cut out instead and stray separators tidied.
     */
    static String without(String text, List<ContactKeyNormalizer.Piece> pieces, Set<Integer> removed, Mentions fallback) {
        int[] starts = new int[pieces.size()];
        int[] ends = new int[pieces.size()];
        int cursor = 0;
        for (int i = 0; i < pieces.size(); i++) {
            String raw = pieces.get(i).raw();
            int at = raw == null ? -1 : text.indexOf(raw, cursor);
            if (at < 0) {
                return tidy(fallback.cut(text));
            }
            starts[i] = at;
            ends[i] = at + raw.length();
            cursor = ends[i];
        }
        StringBuilder out = new StringBuilder(text.length()).append(text, 0, starts.length == 0 ? 0 : starts[0]);
        boolean first = true;
        for (int i = 0; i < pieces.size(); i++) {
            if (removed.contains(pieces.get(i).position())) {
                continue;
            }
            if (!first) {
                out.append(text, ends[i - 1], starts[i]); // the separator that stood before this entry
            }
            out.append(text, starts[i], ends[i]);
            first = false;
        }
        return out.append(text, starts.length == 0 ? 0 : ends[ends.length - 1], text.length()).toString();
    }

    /** Separators left doubled, leading or trailing by a cut. */
    static String tidy(String text) {
        return text.replaceAll("\\s*([,;])(\\s*[,;])+", "$1")
                .replaceAll("^\\s*[,;]\\s*", "")
                .replaceAll("\\s*[,;]\\s*$", "");
    }
}
