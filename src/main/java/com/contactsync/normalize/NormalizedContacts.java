package com.contactsync.normalize;

import java.util.List;

/**
 * The rows and quality issues made from one profile's contacts.
 *
 * <p>Rows are in position order. Issues are ordered: issues about the contacts value as a whole, then each
 * email entry's issues in position order, then the emails' CONTACTS_TRUNCATED, then the same for phones.
 * All lists are immutable.
 */
public record NormalizedContacts(List<EmailRow> emails, List<PhoneRow> phones, List<QualityIssue> issues)
        implements java.io.Serializable {

    private static final NormalizedContacts EMPTY = new NormalizedContacts(List.of(), List.of(), List.of());

    public NormalizedContacts {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
        issues = List.copyOf(issues);
    }

    /** No rows and no issues. */
    public static NormalizedContacts empty() {
        return EMPTY;
    }

    /** No rows and the one given issue. */
    static NormalizedContacts onlyIssue(QualityIssue issue) {
        return new NormalizedContacts(List.of(), List.of(), List.of(issue));
    }
}
