package com.contactsync.verify;

import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.PhoneRow;
import com.contactsync.normalize.QualityIssue;

import java.util.Arrays;

/**
 * The rows a profile's normalized contacts call for, by the documented column mapping (an absent
 * extension is stored as '', issue_no is the issue's index) and not by the sink's code, so a bug
 * in the write path cannot hide itself.
 */
final class ExpectedRows {

    private ExpectedRows() {}

    static ProfileRows of(NormalizedContacts contacts) {
        ProfileRows rows = new ProfileRows();
        for (EmailRow e : contacts.emails()) {
            rows.add(ContactTable.EMAIL, Arrays.asList(
                    e.email(), e.emailRaw(), e.domain(), e.type(), e.valid(), e.position()));
        }
        for (PhoneRow p : contacts.phones()) {
            rows.add(ContactTable.PHONE, Arrays.asList(
                    p.phone(), p.extension() == null ? "" : p.extension(), p.phoneRaw(), p.country(), p.type(),
                    p.valid(), p.position()));
        }
        int issueNo = 0;
        for (QualityIssue i : contacts.issues()) {
            rows.add(ContactTable.ISSUE, Arrays.asList(
                    issueNo++, i.field(), i.position(), i.code().name(), i.rawValue(), i.normalizedValue(),
                    i.suggestion()));
        }
        return rows;
    }
}
