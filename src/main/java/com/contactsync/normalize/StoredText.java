package com.contactsync.normalize;

/** Makes strings fit for the target tables: capped where they only serve as evidence, free of NUL. */
final class StoredText {

    /** Longest raw value an issue about a whole contacts value or about an entry's JSON shape carries. */
    static final int MAX_EVIDENCE_CHARS = 200;

    private StoredText() {}

    /** The first {@code max} characters, never cutting a surrogate pair in two. */
    static String cap(String s, int max) {
        if (s == null || s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end);
    }

    /** PostgreSQL text and jsonb cannot hold U+0000, which JSON can escape; U+FFFD takes its place. */
    static String withoutNul(String s) {
        return s == null || s.indexOf('\u0000') < 0 ? s : s.replace('\u0000', '\uFFFD');
    }

    static boolean hasNul(String s) {
        return s != null && s.indexOf('\u0000') >= 0;
    }
}
