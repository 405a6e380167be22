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
 * @param loose          string values no rule selected that may hold a contact, in document order
 */
record RawContacts(List<QualityIssue> contactsIssues, List<RawEntry> emails, int emailsDropped,
                   List<RawEntry> phones, int phonesDropped, List<LooseText> loose) {

    static final RawContacts NONE = new RawContacts(List.of(), List.of(), 0, List.of(), 0, List.of());

    /** A string value outside every rule's selection, and its normalized path. */
    record LooseText(String jsonPath, String text) {}

    static RawContacts of(QualityIssue contactsIssue) {
        return new RawContacts(List.of(contactsIssue), List.of(), 0, List.of(), 0, List.of());
    }

    /** Entries of the kind numbered, kept or dropped: the next free position. */
    int numbered(ContactKind kind) {
        return entries(kind).size() + dropped(kind);
    }

    List<RawEntry> entries(ContactKind kind) {
        return kind == ContactKind.EMAIL ? emails : phones;
    }

    int dropped(ContactKind kind) {
        return kind == ContactKind.EMAIL ? emailsDropped : phonesDropped;
    }
}
