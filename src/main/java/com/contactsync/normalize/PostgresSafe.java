package com.contactsync.normalize;

import java.util.ArrayList;
import java.util.List;

/** Replaces U+0000, which PostgreSQL text and jsonb cannot hold, in every string of a result. */
final class PostgresSafe {

    private PostgresSafe() {}

    static NormalizedContacts of(NormalizedContacts contacts) {
        if (!hasNul(contacts)) {
            return contacts;
        }
        List<EmailRow> emails = new ArrayList<>(contacts.emails().size());
        for (EmailRow r : contacts.emails()) {
            emails.add(new EmailRow(StoredText.withoutNul(r.email()), StoredText.withoutNul(r.emailRaw()),
                    StoredText.withoutNul(r.domain()), StoredText.withoutNul(r.type()), r.valid(), r.position()));
        }
        List<PhoneRow> phones = new ArrayList<>(contacts.phones().size());
        for (PhoneRow r : contacts.phones()) {
            phones.add(new PhoneRow(r.phone(), r.extension(), StoredText.withoutNul(r.phoneRaw()), r.country(),
                    StoredText.withoutNul(r.type()), r.valid(), r.position()));
        }
        List<QualityIssue> issues = new ArrayList<>(contacts.issues().size());
        for (QualityIssue i : contacts.issues()) {
            issues.add(new QualityIssue(i.field(), i.position(), i.code(), StoredText.withoutNul(i.rawValue()),
                    StoredText.withoutNul(i.normalizedValue()), StoredText.withoutNul(i.suggestion()),
                    StoredText.withoutNul(i.jsonPath())));
        }
        return new NormalizedContacts(emails, phones, issues);
    }

    private static boolean hasNul(NormalizedContacts contacts) {
        for (EmailRow r : contacts.emails()) {
            if (StoredText.hasNul(r.email()) || StoredText.hasNul(r.emailRaw()) || StoredText.hasNul(r.domain())
                    || StoredText.hasNul(r.type())) {
                return true;
            }
        }
        for (PhoneRow r : contacts.phones()) {
            if (StoredText.hasNul(r.phoneRaw()) || StoredText.hasNul(r.type())) {
                return true;
            }
        }
        for (QualityIssue i : contacts.issues()) {
            if (StoredText.hasNul(i.rawValue()) || StoredText.hasNul(i.normalizedValue())
                    || StoredText.hasNul(i.suggestion()) || StoredText.hasNul(i.jsonPath())) {
                return true;
            }
        }
        return false;
    }
}
