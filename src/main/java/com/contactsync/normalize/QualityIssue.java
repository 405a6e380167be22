package com.contactsync.normalize;

import java.util.Objects;

/**
 * One data-quality finding of a profile's contacts.
 *
 * @param field           {@code "email"} or {@code "phone"} for issues about entries of that kind (and for
 *                        CONTACTS_TRUNCATED of that kind), {@code "contacts"} for the contacts value as a whole
 * @param position        the entry's position among its kind's entries; -1 for "contacts" issues and for
 *                        CONTACTS_TRUNCATED
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

    /** An issue about a whole contacts value: its text, capped, as evidence and the reason as suggestion. */
    static QualityIssue aboutContacts(QualityCode code, String contactsText, String why) {
        return new QualityIssue(FIELD_CONTACTS, -1, code, StoredText.cap(contactsText, StoredText.MAX_EVIDENCE_CHARS),
                null, why);
    }
}
