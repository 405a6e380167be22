package com.contactsync.normalize;

/**
 * Takes an address out of a mailto: URI or angle brackets: {@code mailto:a@x.com?subject=hi},
 * {@code "Jane" <a@x.com>}.
 */
final class EmailUnwrapper {

    private static final String MAILTO = "mailto:";

    private EmailUnwrapper() {}

    /** The address inside one layer of wrapping; the same instance when the text is not wrapped. */
    static String unwrap(String s) {
        if (s.regionMatches(true, 0, MAILTO, 0, MAILTO.length())) {
            String rest = s.substring(MAILTO.length());
            int query = rest.indexOf('?');
            return query >= 0 ? rest.substring(0, query) : rest;
        }
        if (s.endsWith(">")) {
            // The last '<' so that a display name may itself hold one.
            int open = s.lastIndexOf('<');
            if (open >= 0) {
                return s.substring(open + 1, s.length() - 1);
            }
        }
        return s;
    }
}
