package com.contactsync.sink;

import java.util.Objects;

/**
 * Everything one profile's rows must become, in one record: applying it makes the profile's
 * emails, phones and quality issues equal these lists (empty lists remove them all). The lists are
 * JSON arrays, the form the single idempotent statement of {@link ProfileWriteStatement} reads.
 */
public class ProfileWrite {

    public long profileId;
    public String emailsJson;
    public String phonesJson;
    public String issuesJson;

    public ProfileWrite() {}

    public ProfileWrite(long profileId, String emailsJson, String phonesJson, String issuesJson) {
        this.profileId = profileId;
        this.emailsJson = emailsJson;
        this.phonesJson = phonesJson;
        this.issuesJson = issuesJson;
    }

    /** The write that removes every row of the profile (it was deleted, or holds nothing). */
    public static ProfileWrite removal(long profileId) {
        return new ProfileWrite(profileId, "[]", "[]", "[]");
    }

    /** A compact fingerprint of the content, kept in state so a repeat becomes a no-op. */
    public long fingerprint() {
        long h = 1125899906842597L;
        h = mix(h, emailsJson);
        h = mix(h, phonesJson);
        h = mix(h, issuesJson);
        return h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h * 0x9E3779B97F4A7C15L + s.length();
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof ProfileWrite)) {
            return false;
        }
        ProfileWrite that = (ProfileWrite) o;
        return profileId == that.profileId
                && Objects.equals(emailsJson, that.emailsJson)
                && Objects.equals(phonesJson, that.phonesJson)
                && Objects.equals(issuesJson, that.issuesJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(profileId, emailsJson, phonesJson, issuesJson);
    }

    /** Never prints the lists: they hold personal data. */
    @Override
    public String toString() {
        return "ProfileWrite{id=" + profileId + "}";
    }
}
