package com.contactsync.sink;

import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.PhoneRow;
import com.contactsync.normalize.QualityIssue;

import java.util.List;
import java.util.Objects;

/**
 * Everything one profile's rows must become, in one record: applying it makes the profile's
 * emails, phones and quality issues equal these lists (empty lists remove them all).
 */
public class ProfileWrite {

    public long profileId;
    public List<EmailRow> emails;
    public List<PhoneRow> phones;
    public List<QualityIssue> issues;

    public ProfileWrite() {}

    public ProfileWrite(long profileId, List<EmailRow> emails, List<PhoneRow> phones, List<QualityIssue> issues) {
        this.profileId = profileId;
        this.emails = List.copyOf(emails);
        this.phones = List.copyOf(phones);
        this.issues = List.copyOf(issues);
    }

    /** The write that makes the profile's rows equal its normalized contacts. */
    public static ProfileWrite of(long profileId, NormalizedContacts contacts) {
        return new ProfileWrite(profileId, contacts.emails(), contacts.phones(), contacts.issues());
    }

    /** The write that removes every row of the profile (it was deleted, or holds nothing). */
    public static ProfileWrite removal(long profileId) {
        return new ProfileWrite(profileId, List.of(), List.of(), List.of());
    }

    /** A compact fingerprint of the content, kept in state so a repeat becomes a no-op. */
    public long fingerprint() {
        return ProfileWriteFingerprint.of(this);
    }

    /** Characters of text the write carries: what the batcher bounds a batch by. */
    long chars() {
        long chars = 0;
        for (EmailRow r : emails) {
            chars += r.email().length() + r.emailRaw().length() + 16;
        }
        for (PhoneRow r : phones) {
            chars += r.phone().length() + r.phoneRaw().length() + r.extension().length() + 16;
        }
        for (QualityIssue i : issues) {
            chars += length(i.rawValue()) + length(i.normalizedValue()) + length(i.suggestion()) + 24;
        }
        return chars;
    }

    private static int length(String s) {
        return s == null ? 0 : s.length();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ProfileWrite)) {
            return false;
        }
        ProfileWrite that = (ProfileWrite) o;
        return profileId == that.profileId
                && Objects.equals(emails, that.emails)
                && Objects.equals(phones, that.phones)
                && Objects.equals(issues, that.issues);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profileId, emails, phones, issues);
    }

    /** Never prints the lists: they hold personal data. */
    @Override
    public String toString() {
        return "ProfileWrite{id=" + profileId + "}";
    }
}
