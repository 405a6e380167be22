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
 * @param jsonPath        where in the contacts JSON the entry's value (or the entry) is, normalized
 *                        ({@code $.emails[2]}, {@code $.contact.others[1].email}, {@code $['odd key']});
 *                        null for issues about the whole value or a whole kind
 */
public record QualityIssue(String field, int position, QualityCode code, String rawValue, String normalizedValue,
                           String suggestion, String jsonPath) implements java.io.Serializable {

    public static final String FIELD_EMAIL = "email";
    public static final String FIELD_PHONE = "phone";
    public static final String FIELD_CONTACTS = "contacts";

    public QualityIssue {
        Objects.requireNonNull(field, "field");
        Objects.requireNonNull(code, "code");
    }

    /** An issue without a path: about the whole value or a whole kind, or made outside a document. */
    public QualityIssue(String field, int position, QualityCode code, String rawValue, String normalizedValue,
                        String suggestion) {
        this(field, position, code, rawValue, normalizedValue, suggestion, null);
    }

    /** The same issue with no path (what issues were before they had one). */
    public QualityIssue withoutJsonPath() {
        return jsonPath == null ? this : new QualityIssue(field, position, code, rawValue, normalizedValue, suggestion);
    }

    /** An issue about a whole contacts value: its text, capped, as evidence and the reason as suggestion. */
    static QualityIssue aboutContacts(QualityCode code, String contactsText, String why) {
        return new QualityIssue(FIELD_CONTACTS, -1, code, StoredText.cap(contactsText, StoredText.MAX_EVIDENCE_CHARS),
                null, why);
    }
}
