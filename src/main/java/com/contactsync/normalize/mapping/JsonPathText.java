package com.contactsync.normalize.mapping;

/**
 * The normalized JSONPath of a value, as issues record it: keys in dot notation when they are plain
 * identifiers, else {@code ['odd key']} (with {@code \'} and {@code \\} escaped), indexes in brackets:
 * {@code $.emails[2]}, {@code $.contact.others[1].email}, {@code $[2].value}, {@code $['e-mail']}. Keys
 * keep the document's spelling, so every such path reads back the value it names.
 */
public final class JsonPathText {

    public static final String ROOT = "$";

    private JsonPathText() {}

    public static String child(String parent, String key) {
        if (isIdentifier(key)) {
            return parent + '.' + key;
        }
        StringBuilder sb = new StringBuilder(parent.length() + key.length() + 6).append(parent).append("['");
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (c == '\'' || c == '\\') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append("']").toString();
    }

    public static String index(String parent, int index) {
        return parent + '[' + index + ']';
    }

    /** Every element of an array: the form of a path whose indexes are collapsed ({@code $.emails[*]}). */
    public static String anyIndex(String parent) {
        return parent + "[*]";
    }

    static boolean isIdentifier(String key) {
        if (key.isEmpty()) {
            return false;
        }
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            boolean letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            if (!letter && !(i > 0 && c >= '0' && c <= '9')) {
                return false;
            }
        }
        return true;
    }
}
