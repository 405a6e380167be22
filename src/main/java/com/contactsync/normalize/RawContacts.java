package com.contactsync.normalize;

import java.util.List;

/**
 * A profile's entries found in its contacts JSON, per kind, before normalization.
 *
 * @param contactsIssues issues about the contacts value as a whole
 * @param emails         the email entries kept, in position order
 * @param emailsDropped  email entries beyond the per-kind limit
 * @param phones         the phone entries kept, in position order
 * @param phonesDropped  phone entries beyond the per-kind limit
 */
record RawContacts(List<QualityIssue> contactsIssues, List<RawEntry> emails, int emailsDropped,
                   List<RawEntry> phones, int phonesDropped) {

    static final RawContacts NONE = new RawContacts(List.of(), List.of(), 0, List.of(), 0);

    static RawContacts of(QualityIssue contactsIssue) {
        return new RawContacts(List.of(contactsIssue), List.of(), 0, List.of(), 0);
    }

    List<RawEntry> entries(ContactKind kind) {
        return kind == ContactKind.EMAIL ? emails : phones;
    }

    int dropped(ContactKind kind) {
        return kind == ContactKind.EMAIL ? emailsDropped : phonesDropped;
    }
}
