package com.contactsync.generate;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * The SQL type of the generated table's contacts column. Only {@code text} can hold malformed
 * contacts; {@code jsonb} and {@code json} receive them as a JSON string holding the garbage, the
 * form a client that stringified whatever it had would have stored, so the row count and ids stay
 * the same whatever the column type.
 */
public enum ContactsColumnType {
    JSONB("jsonb"),
    JSON("json"),
    TEXT("text");

    private final String sqlType;

    ContactsColumnType(String sqlType) {
        this.sqlType = sqlType;
    }

    public String sqlType() {
        return sqlType;
    }

    /** The contacts as this column type can store them (null stays null). */
    public String storable(GeneratedProfile profile) {
        if (this == TEXT || profile.kind() != GeneratedProfile.Kind.MALFORMED || profile.contacts() == null) {
            return profile.contacts();
        }
        return '"' + new String(JsonStringEncoder.getInstance().quoteAsString(profile.contacts())) + '"';
    }

    public static ContactsColumnType parse(String text) {
        for (ContactsColumnType type : values()) {
            if (type.sqlType.equalsIgnoreCase(text == null ? "" : text.trim())) {
                return type;
            }
        }
        throw new IllegalArgumentException("contacts column type must be jsonb, json or text, got '" + text + "'");
    }
}
