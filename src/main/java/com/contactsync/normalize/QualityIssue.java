package com.contactsync.normalize;

import java.util.Objects;

/**
 * One data-quality finding of a profile's contacts.
 *
 * @param field           {@code "email"}, {@code "phone"} or {@code "contacts"}
 * @param position        the entry's position among its kind's entries, or -1 when the issue is about the
 *                        profile's contacts as a whole (or about a whole kind, as CONTACTS_TRUNCATED)
 * @param code            what was found
 * @param rawValue        the entry's original text (or the contacts text, capped), may be null
 * @param normalizedValue the normalized key the entry ended up with, may be null
 * @param suggestion      a proposed correction or a short explanation, may be null
 */
public record QualityIssue(String field, int position, QualityCode code, String rawValue, String normalizedValue,
                           String suggestion) implements java.io.Serializable {

    public static final String FIELD_EMAIL = "email";
    public static final String FIELD_PHONE = "phone";
    public static final String FIELD_CONTACTS = "contacts";

    public QualityIssue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
    }
}
