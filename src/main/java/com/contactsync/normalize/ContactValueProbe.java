package com.contactsync.normalize;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Set;

/**
 * The normalizer's own reading and contact detection, for tools that look at contacts JSON without
 * normalizing it (the shape census): decodes a contacts text exactly as {@link ContactNormalizer} does, and
 * says whether a string is, as a whole, an email address or a phone number by the rules of
 * {@link UnmappedContactDetector} (a CONTACT_UNMAPPED finding, not a mention inside a longer text).
 *
 * <p>Cheap to make; use one per thread.
 */
public final class ContactValueProbe {

    /** What a contacts text held. */
    public enum Reading {
        /** SQL null, blank, JSON null, or a JSON string holding nothing. */
        NOTHING,
        /** A JSON document (object, array or scalar), possibly after unwrapping JSON strings. */
        JSON,
        /** Not JSON, or beyond the parser's limits: CONTACTS_MALFORMED for the normalizer. */
        MALFORMED,
        /** A JSON string that does not hold JSON, or JSON encoded too many times: CONTACTS_UNEXPECTED_SHAPE. */
        NOT_A_DOCUMENT
    }

    /** A decoded contacts text: the tree when {@link Reading#JSON}, else null. */
    public record Document(Reading reading, JsonNode root) {}

    /** Which kind of contact a whole string is. */
    public enum Kind { EMAIL, PHONE }

    private final String defaultRegion;
    private final ContactsJsonReader reader = new ContactsJsonReader();
    private final UnmappedContactDetector detector = new UnmappedContactDetector(new EmailNormalizer());

    /** @param defaultRegion the region of phone numbers when the profile names none ({@code normalize.default-region}) */
    public ContactValueProbe(String defaultRegion) {
        this.defaultRegion = new NormalizerSettings(defaultRegion, 1).defaultRegion(); // validated as the job does
    }

    public Document read(String contactsText) {
        ContactsJsonReader.Result result = reader.read(contactsText);
        if (result.issue() != null) {
            return new Document(result.issue().code() == QualityCode.CONTACTS_MALFORMED ? Reading.MALFORMED
                    : Reading.NOT_A_DOCUMENT, null);
        }
        return result.root() == null ? new Document(Reading.NOTHING, null) : new Document(Reading.JSON, result.root());
    }

    /** The region phone numbers of a profile are read in: its country column when usable, else the default. */
    public String region(String profileCountry) {
        String region = RegionResolver.resolve(profileCountry);
        return region != null ? region : defaultRegion;
    }

    /** EMAIL or PHONE when the string as a whole is one (an email wins), else null. */
    public Kind kindOf(String value, String region) {
        if (!UnmappedContactDetector.worthChecking(value)) {
            return null;
        }
        UnmappedContactDetector.Findings findings = detector.find(List.of(new RawContacts.LooseText(null, value)),
                region, 0, 0, Integer.MAX_VALUE, Set.of(), Set.of());
        if (isWhole(findings.emails())) {
            return Kind.EMAIL;
        }
        return isWhole(findings.phones()) ? Kind.PHONE : null;
    }

    private static boolean isWhole(List<QualityIssue> findings) {
        for (QualityIssue issue : findings) {
            if (issue.code() == QualityCode.CONTACT_UNMAPPED) {
                return true;
            }
        }
        return false;
    }
}
