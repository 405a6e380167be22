package com.contactsync.normalize;

import java.util.Locale;

/** The two kinds of contact entries, with the JSON keys that hold them. */
enum ContactKind {
    EMAIL(QualityIssue.FIELD_EMAIL, new String[] {"emails", "email"}, new String[] {"email", "address", "value"}),
    PHONE(QualityIssue.FIELD_PHONE, new String[] {"phones", "phone"}, new String[] {"number", "phone", "value"});

    private final String field;
    private final String[] listKeys;
    private final String[] valueKeys;

    ContactKind(String field, String[] listKeys, String[] valueKeys) {
        this.field = field;
        this.listKeys = listKeys;
        this.valueKeys = valueKeys;
    }

    /** The {@link QualityIssue#field()} of this kind's issues. */
    String field() {
        return field;
    }

    /** The kind whose entries a top-level key holds (case-insensitive), or null. */
    static ContactKind ofListKey(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        for (ContactKind kind : values()) {
            for (String listKey : kind.listKeys) {
                if (listKey.equals(k)) {
                    return kind;
                }
            }
        }
        return null;
    }

    /** Keys of an entry object that may hold the value, in order of preference. */
    String[] valueKeys() {
        return valueKeys.clone();
    }

    /** Rank of an entry object's key as a value key (lower is preferred), or -1. */
    int valueKeyRank(String lowerCaseKey) {
        for (int i = 0; i < valueKeys.length; i++) {
            if (valueKeys[i].equals(lowerCaseKey)) {
                return i;
            }
        }
        return -1;
    }
}
