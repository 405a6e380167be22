package com.contactsync.normalize;

/** White space as people paste it: ASCII and Unicode spaces, line breaks and zero-width characters. */
final class UnicodeSpaces {

    private UnicodeSpaces() {}

    /** ASCII white space, Unicode space separators (NBSP, U+2000–U+200A, U+202F, U+205F, U+3000 ...) and NEL. */
    static boolean isSpace(char c) {
        return c == ' ' || Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085';
    }

    /** Zero-width space, non-joiner, joiner, word joiner and the byte-order mark. */
    static boolean isZeroWidth(char c) {
        return c == '\u200B' || c == '\u200C' || c == '\u200D' || c == '\u2060' || c == '\uFEFF';
    }

    private static boolean isStrippable(char c) {
        return isSpace(c) || isZeroWidth(c);
    }

    /** Removes white space and zero-width characters at both ends; the same instance when there are none. */
    static String strip(String s) {
        int start = 0;
        int end = s.length();
        while (start < end && isStrippable(s.charAt(start))) {
            start++;
        }
        while (end > start && isStrippable(s.charAt(end - 1))) {
            end--;
        }
        return start == 0 && end == s.length() ? s : s.substring(start, end);
    }

    /**
     * Removes zero-width characters anywhere and white space at both ends; the same instance when nothing
     * was removed, so callers can tell by identity.
     */
    static String clean(String s) {
        String stripped = strip(s);
        int first = firstZeroWidth(stripped);
        if (first < 0) {
            return stripped;
        }
        StringBuilder sb = new StringBuilder(stripped.length());
        sb.append(stripped, 0, first);
        for (int i = first + 1; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            if (!isZeroWidth(c)) {
                sb.append(c);
            }
        }
        // Removing inner zero-width characters can expose white space at an end ("a\u200B ").
        return strip(sb.toString());
    }

    /** True when the text is null or has nothing but white space and zero-width characters. */
    static boolean isBlank(String s) {
        return s == null || strip(s).isEmpty();
    }

    private static int firstZeroWidth(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (isZeroWidth(s.charAt(i))) {
                return i;
            }
        }
        return -1;
    }
}
