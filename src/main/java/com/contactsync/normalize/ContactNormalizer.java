package com.contactsync.normalize;

import com.contactsync.normalize.mapping.Mapping;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Turns one profile's raw contacts text into email rows, phone rows and quality issues; never throws.
 *
 * <p>Reading: {@link ContactsJsonReader} (JSON, double encoding, limits) and {@link ContactsEntryCollector}
 * (supported shapes, positions, the per-kind limit). Normalizing: {@link EmailNormalizer} and
 * {@link PhoneNormalizer}. Rows are deduplicated per kind on their key (email; phone and extension): the
 * first entry keeps its row, type and position, later ones keep their own repair issues and add
 * EMAIL_DUPLICATE / PHONE_DUPLICATE. An entry of an unusable JSON shape gives CONTACTS_UNEXPECTED_SHAPE
 * with its kind's field and position. A kind with more than {@code maxEntriesPerKind} entries gives one
 * CONTACTS_TRUNCATED (field: the kind, position -1, normalizedValue: how many were dropped). No output
 * string holds U+0000, which PostgreSQL cannot store (it becomes U+FFFD; validation saw the original).
 * Entry issues carry the entry's JSON path. Where the entries are is the settings' {@link Mapping}; string values
 * no rule selected are searched for contacts ({@link UnmappedContactDetector}): CONTACT_UNMAPPED and
 * CONTACT_MENTIONED come after their kind's CONTACTS_TRUNCATED, numbered after the kind's entries.
 *
 * <p>Thread-safe and Serializable: only the settings are serialized, the helpers are rebuilt on
 * deserialization.
 */
public final class ContactNormalizer implements java.io.Serializable {

    private static final long serialVersionUID = 1L;

    private final NormalizerSettings settings;
    private final transient ContactsJsonReader reader;
    private final transient ContactsEntryCollector collector;
    private final transient EmailNormalizer emails;
    private final transient PhoneNormalizer phones;
    private final transient UnmappedContactDetector detector;

    public ContactNormalizer(NormalizerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reader = new ContactsJsonReader();
        this.collector = new ContactsEntryCollector(settings.mapping().compiled());
        this.emails = new EmailNormalizer();
        this.phones = new PhoneNormalizer();
        this.detector = new UnmappedContactDetector(emails);
    }

    public NormalizerSettings settings() {
        return settings;
    }

    /**
     * Normalizes one profile's contacts.
     *
     * @param contactsText   the contacts column's text: may be null, empty, invalid or double-encoded JSON
     * @param profileCountry the profile's country, used to parse phone numbers without an own region;
     *                       may be null or blank
     */
    public NormalizedContacts normalize(String contactsText, String profileCountry) {
        try {
            ContactsJsonReader.Result parsed = reader.read(contactsText);
            if (parsed.issue() != null) {
                return PostgresSafe.of(NormalizedContacts.onlyIssue(parsed.issue()));
            }
            if (parsed.root() == null) {
                return NormalizedContacts.empty();
            }
            RawContacts raw = collector.collect(parsed.root(), contactsText, settings.maxEntriesPerKind());
            List<QualityIssue> issues = new ArrayList<>(raw.contactsIssues());
            List<EmailRow> emailRows = new ArrayList<>(raw.emails().size());
            List<PhoneRow> phoneRows = new ArrayList<>(raw.phones().size());

            Set<String> seenEmails = new HashSet<>();
            for (RawEntry entry : raw.emails()) {
                NormalizedEntry<EmailRow> result = entry.hasUnexpectedShape()
                        ? unexpectedShape(ContactKind.EMAIL, entry) : emails.normalize(entry);
                addDeduplicated(result, emailRows, seenEmails, issues, ContactKind.EMAIL, entry);
            }
            addTruncation(issues, ContactKind.EMAIL, raw);

            String contextRegion = RegionResolver.resolve(profileCountry);
            if (contextRegion == null) {
                contextRegion = settings.defaultRegion();
            }
            int endOfEmailIssues = issues.size();
            Set<String> seenPhones = new HashSet<>();
            for (RawEntry entry : raw.phones()) {
                NormalizedEntry<PhoneRow> result = entry.hasUnexpectedShape()
                        ? unexpectedShape(ContactKind.PHONE, entry) : phones.normalize(entry, contextRegion);
                addDeduplicated(result, phoneRows, seenPhones, issues, ContactKind.PHONE, entry);
            }
            addTruncation(issues, ContactKind.PHONE, raw);

            if (!raw.loose().isEmpty()) {
                UnmappedContactDetector.Findings unmapped = detector.find(raw.loose(), contextRegion,
                        raw.numbered(ContactKind.EMAIL), raw.numbered(ContactKind.PHONE), settings.maxEntriesPerKind(),
                        seenEmails, seenPhones);
                issues.addAll(endOfEmailIssues, unmapped.emails());
                issues.addAll(unmapped.phones());
            }

            return PostgresSafe.of(new NormalizedContacts(emailRows, phoneRows, issues));
        } catch (RuntimeException | StackOverflowError e) {
            // A bug must cost one profile its rows, not stop the job: report it like unreadable contacts.
            return PostgresSafe.of(NormalizedContacts.onlyIssue(QualityIssue.aboutContacts(
                    QualityCode.CONTACTS_MALFORMED, contactsText, "internal error: " + e.getClass().getName())));
        }
    }

    private static <R> void addDeduplicated(NormalizedEntry<R> result, List<R> rows, Set<String> seen,
                                            List<QualityIssue> issues, ContactKind kind, RawEntry entry) {
        issues.addAll(result.issues());
        if (result.row() == null) {
            return;
        }
        if (seen.add(StoredText.withoutNul(result.key()))) {
            rows.add(result.row());
        } else {
            QualityCode code = kind == ContactKind.EMAIL ? QualityCode.EMAIL_DUPLICATE : QualityCode.PHONE_DUPLICATE;
            issues.add(new QualityIssue(kind.field(), entry.position(), code, entry.value(), result.key(), null,
                    entry.jsonPath()));
        }
    }

    private static <R> NormalizedEntry<R> unexpectedShape(ContactKind kind, RawEntry entry) {
        return NormalizedEntry.withoutRow(new QualityIssue(kind.field(), entry.position(),
                QualityCode.CONTACTS_UNEXPECTED_SHAPE, entry.value(), null, entry.unexpectedShape(), entry.jsonPath()));
    }

    private void addTruncation(List<QualityIssue> issues, ContactKind kind, RawContacts raw) {
        int dropped = raw.dropped(kind);
        if (dropped > 0) {
            int kept = raw.entries(kind).size();
            issues.add(new QualityIssue(kind.field(), -1, QualityCode.CONTACTS_TRUNCATED, null,
                    Integer.toString(dropped), "kept the first " + kept + " of " + (kept + dropped) + " "
                    + kind.field() + " entries; " + dropped + " dropped"));
        }
    }

    private Object readResolve() {
        return new ContactNormalizer(settings);
    }
}
