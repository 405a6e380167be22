package com.contactsync.sink;

import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.PhoneRow;
import com.contactsync.normalize.QualityIssue;

import java.util.Collection;

/**
 * Several profiles' writes applied by one statement, in columns: one array per column of each
 * target table, each row carrying its profile id, plus the ids of every profile in the batch (whose
 * rows not listed here are deleted). Columns, because PostgreSQL reads arrays for {@code unnest}
 * several times faster than it parses the same rows from JSON (measured: the sink's statement took
 * a quarter less time). At most one write per profile.
 */
public class ProfileWriteBatch {

    public int profiles;
    public long[] profileIds;

    public long[] emailProfileIds;
    public String[] emails;
    public String[] emailRaws;
    public String[] emailDomains;
    public String[] emailTypes;
    public boolean[] emailValid;
    public int[] emailPositions;

    public long[] phoneProfileIds;
    public String[] phones;
    public String[] phoneExtensions;
    public String[] phoneRaws;
    public String[] phoneCountries;
    public String[] phoneTypes;
    public boolean[] phoneValid;
    public int[] phonePositions;

    public long[] issueProfileIds;
    public int[] issueNos;
    public String[] issueFields;
    public int[] issuePositions;
    public String[] issueCodes;
    public String[] issueRawValues;
    public String[] issueNormalizedValues;
    public String[] issueSuggestions;
    public String[] issueJsonPaths;

    public ProfileWriteBatch() {}

    /** The batch of these writes; each profile must occur at most once. */
    public static ProfileWriteBatch of(Collection<ProfileWrite> writes) {
        int emailRows = 0;
        int phoneRows = 0;
        int issueRows = 0;
        for (ProfileWrite write : writes) {
            emailRows += write.emails.size();
            phoneRows += write.phones.size();
            issueRows += write.issues.size();
        }
        ProfileWriteBatch b = new ProfileWriteBatch(writes.size(), emailRows, phoneRows, issueRows);
        int p = 0;
        int e = 0;
        int ph = 0;
        int q = 0;
        for (ProfileWrite write : writes) {
            long id = write.profileId;
            b.profileIds[p++] = id;
            for (EmailRow r : write.emails) {
                b.emailProfileIds[e] = id;
                b.emails[e] = r.email();
                b.emailRaws[e] = r.emailRaw();
                b.emailDomains[e] = r.domain();
                b.emailTypes[e] = r.type();
                b.emailValid[e] = r.valid();
                b.emailPositions[e] = r.position();
                e++;
            }
            for (PhoneRow r : write.phones) {
                b.phoneProfileIds[ph] = id;
                b.phones[ph] = r.phone();
                b.phoneExtensions[ph] = r.extension();
                b.phoneRaws[ph] = r.phoneRaw();
                b.phoneCountries[ph] = r.country();
                b.phoneTypes[ph] = r.type();
                b.phoneValid[ph] = r.valid();
                b.phonePositions[ph] = r.position();
                ph++;
            }
            int issueNo = 0;
            for (QualityIssue i : write.issues) {
                b.issueProfileIds[q] = id;
                b.issueNos[q] = issueNo++;
                b.issueFields[q] = i.field();
                b.issuePositions[q] = i.position();
                b.issueCodes[q] = i.code().name();
                b.issueRawValues[q] = i.rawValue();
                b.issueNormalizedValues[q] = i.normalizedValue();
                b.issueSuggestions[q] = i.suggestion();
                b.issueJsonPaths[q] = i.jsonPath();
                q++;
            }
        }
        return b;
    }

    private ProfileWriteBatch(int profiles, int emailRows, int phoneRows, int issueRows) {
        this.profiles = profiles;
        profileIds = new long[profiles];
        emailProfileIds = new long[emailRows];
        emails = new String[emailRows];
        emailRaws = new String[emailRows];
        emailDomains = new String[emailRows];
        emailTypes = new String[emailRows];
        emailValid = new boolean[emailRows];
        emailPositions = new int[emailRows];
        phoneProfileIds = new long[phoneRows];
        phones = new String[phoneRows];
        phoneExtensions = new String[phoneRows];
        phoneRaws = new String[phoneRows];
        phoneCountries = new String[phoneRows];
        phoneTypes = new String[phoneRows];
        phoneValid = new boolean[phoneRows];
        phonePositions = new int[phoneRows];
        issueProfileIds = new long[issueRows];
        issueNos = new int[issueRows];
        issueFields = new String[issueRows];
        issuePositions = new int[issueRows];
        issueCodes = new String[issueRows];
        issueRawValues = new String[issueRows];
        issueNormalizedValues = new String[issueRows];
        issueSuggestions = new String[issueRows];
        issueJsonPaths = new String[issueRows];
    }

    /** Never prints the content: it holds personal data. */
    @Override
    public String toString() {
        return "ProfileWriteBatch{profiles=" + profiles + "}";
    }
}
