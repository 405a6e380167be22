package com.contactsync.normalize;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a string that holds several entries separated by ',' or ';' ("a@x.com; b@y.org").
 *
 * <p>ASCII white space next to a separator belongs to the separator; empty pieces are dropped. When fewer
 * than two pieces are left the string is one entry and is returned whole, so that "a@x.com;" stays one
 * entry and its stray ';' is reported by the entry's rules. Emails are not split inside double quotes or
 * angle brackets ({@code "Doe, Jane" <jane@x.com>}); phones are not split before an extension
 * ("+1 415 555 0123, ext. 12", "+14155550123;ext=12"). A phone piece is also split at " / " when every part
 * holds at least {@value #MIN_SLASH_PART_DIGITS} digits ("+1 201 555 0123 / +1 201 555 0124"), so that
 * "+1 201 555 0123 / 0124" (an alternative ending) stays one entry.
 */
final class ListSplitter {

    static final int MIN_SLASH_PART_DIGITS = 6;
    private static final String SLASH = " / ";

    private ListSplitter() {}

    static List<String> split(String s, ContactKind kind) {
        List<String> pieces = splitAtSeparators(s, kind);
        if (kind != ContactKind.PHONE || s.indexOf(SLASH) < 0) {
            return pieces;
        }
        List<String> parts = new ArrayList<>();
        for (String piece : pieces) {
            parts.addAll(splitAtSlashes(piece));
        }
        return parts.size() == pieces.size() ? pieces : parts;
    }

    private static List<String> splitAtSlashes(String piece) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int at = piece.indexOf(SLASH); at >= 0; at = piece.indexOf(SLASH, start)) {
            parts.add(piece.substring(start, at).strip());
            start = at + SLASH.length();
        }
        parts.add(piece.substring(start).strip());
        for (String part : parts) {
            if (digits(part) < MIN_SLASH_PART_DIGITS) {
                return List.of(piece);
            }
        }
        return parts;
    }

    private static int digits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                n++;
            }
        }
        return n;
    }

    private static List<String> splitAtSeparators(String s, ContactKind kind) {
        if (s.indexOf(',') < 0 && s.indexOf(';') < 0) {
            return List.of(s);
        }
        List<String> pieces = new ArrayList<>();
        int start = 0;
        boolean inQuotes = false;
        int angleDepth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (kind == ContactKind.EMAIL) {
                if (c == '\\' && inQuotes) {
                    i++;
                    continue;
                }
                if (c == '"') {
                    inQuotes = !inQuotes;
                } else if (c == '<' && !inQuotes) {
                    angleDepth++;
                } else if (c == '>' && !inQuotes && angleDepth > 0) {
                    angleDepth--;
                }
            }
            boolean separator = (c == ',' || c == ';') && !inQuotes && angleDepth == 0
                    && !(kind == ContactKind.PHONE && extensionFollows(s, i + 1));
            if (separator) {
                addPiece(pieces, s, start, i, start > 0, true);
                start = i + 1;
            }
        }
        addPiece(pieces, s, start, s.length(), start > 0, false);
        return pieces.size() < 2 ? List.of(s) : pieces;
    }

    private static void addPiece(List<String> pieces, String s, int start, int end, boolean afterSeparator,
                                 boolean beforeSeparator) {
        while (afterSeparator && start < end && isAsciiSpace(s.charAt(start))) {
            start++;
        }
        while (beforeSeparator && end > start && isAsciiSpace(s.charAt(end - 1))) {
            end--;
        }
        if (start < end) {
            pieces.add(s.substring(start, end));
        }
    }

    /** True when an extension marker ("ext", "x12", "#12") starts at {@code from}, after ASCII white space. */
    private static boolean extensionFollows(String s, int from) {
        int i = from;
        while (i < s.length() && isAsciiSpace(s.charAt(i))) {
            i++;
        }
        if (s.regionMatches(true, i, "ext", 0, 3)) {
            return true;
        }
        if (i < s.length() && (s.charAt(i) == 'x' || s.charAt(i) == 'X' || s.charAt(i) == '#')) {
            int j = i + 1;
            while (j < s.length() && isAsciiSpace(s.charAt(j))) {
                j++;
            }
            return j < s.length() && Character.isDigit(s.charAt(j));
        }
        return false;
    }

    private static boolean isAsciiSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
    }
}
