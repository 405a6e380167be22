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
    UNEXPECTED,

    // Opt-in (GeneratorSettings#withApiShapes): shapes of other systems, which need a mapping.

    /** Google People API person: {@code emailAddresses[].value}, {@code phoneNumbers[].value/canonicalForm}, biographies. */
    GOOGLE_PEOPLE,
    /** Microsoft Graph contact: {@code emailAddresses[].address}, {@code businessPhones[]}, {@code mobilePhone}. */
    MS_GRAPH,
    /** HubSpot-style {@code properties}: {@code email}, {@code hs_additional_emails} (';'-separated), {@code phone}, {@code mobilephone}. */
    HUBSPOT,
    /** Nested objects: {@code contact.primary.email}, {@code contact.others[].email}, {@code contact.primary.phone}. */
    NESTED,
    /** Flat keys with the type in the name: {@code email}, {@code work_email}, {@code mobile}, {@code home_phone}. */
    FLAT_KEYS,
    /** A top-level list of typed items: {@code [{"kind": "email", "value": ...}, {"kind": "phone", ...}]}. */
    TYPED_LIST
}
