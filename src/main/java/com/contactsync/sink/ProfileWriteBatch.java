package com.contactsync.sink;

import java.util.Collection;

/**
 * Several profiles' writes applied by one statement: a JSON array of
 * {@code {"id":…, "emails":[…], "phones":[…], "issues":[…]}}, at most one element per profile.
 */
public class ProfileWriteBatch {

    public String profilesJson;
    public int profiles;

    public ProfileWriteBatch() {}

    public ProfileWriteBatch(String profilesJson, int profiles) {
        this.profilesJson = profilesJson;
        this.profiles = profiles;
    }

    /** The batch of these writes; each profile must occur at most once. */
    public static ProfileWriteBatch of(Collection<ProfileWrite> writes) {
        int chars = 64;
        for (ProfileWrite write : writes) {
            chars += 64 + write.emailsJson.length() + write.phonesJson.length() + write.issuesJson.length();
        }
        StringBuilder json = new StringBuilder(chars);
        json.append('[');
        for (ProfileWrite write : writes) {
            if (json.length() > 1) {
                json.append(',');
            }
            json.append("{\"id\":").append(write.profileId)
                    .append(",\"emails\":").append(write.emailsJson)
                    .append(",\"phones\":").append(write.phonesJson)
                    .append(",\"issues\":").append(write.issuesJson)
                    .append('}');
        }
        json.append(']');
        return new ProfileWriteBatch(json.toString(), writes.size());
    }

    /** Never prints the content: it holds personal data. */
    @Override
    public String toString() {
        return "ProfileWriteBatch{profiles=" + profiles + "}";
    }
}
