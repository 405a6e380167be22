package com.contactsync.generate;

/** The JSON layouts the monolith's contacts column has held over the years. */
public enum ContactsLayout {
    /** {@code {"emails": ["a@x.com"], "phones": ["+1 202 555 0101"]}}, the current layout. */
    STRING_ARRAYS,
    /** Arrays of objects: {@code email|address|value}, {@code number|phone|value}, {@code type|label}, ... */
    OBJECT_ARRAYS,
    /** Arrays mixing strings, objects, nulls, numbers and nested arrays. */
    MIXED_ARRAYS,
    /** One string per kind, several values separated by commas or semicolons. */
    SEPARATED_STRINGS,
    /** The oldest layout: {@code {"email": ..., "phone": ...}}. */
    SINGULAR_KEYS,
    /** A JSON string holding the JSON of another layout (encoded twice by a buggy client). */
    DOUBLE_ENCODED,
    /** SQL null, JSON null, {@code {}}, {@code []} or empty lists. */
    EMPTY,
    /** Valid JSON of a shape nobody expects: a number, a boolean, an object where a list belongs. */
    UNEXPECTED
}
