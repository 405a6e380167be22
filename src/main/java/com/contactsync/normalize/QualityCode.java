package com.contactsync.normalize;

/** What a {@link QualityIssue} says about an entry or about a profile's whole contacts value. */
public enum QualityCode {
    EMAIL_WHITESPACE("white space or zero-width characters were stripped from an email"),
    EMAIL_CASE("an email had upper-case letters and was lower-cased"),
    EMAIL_WRAPPED("an email was taken out of a display name, angle brackets or a mailto: URI"),
    EMAIL_DUPLICATE("an email repeats an earlier entry of the profile once normalized; no row"),
    EMAIL_INVALID("an email fails validation; stored with valid=false"),
    EMAIL_IDN("an email's internationalized domain was stored in ASCII (punycode)"),
    EMAIL_DOMAIN_TYPO("an email's domain looks like a typo; the suggestion holds the corrected address"),
    EMAIL_EMPTY("an email entry is empty; no row"),
    PHONE_REFORMATTED("a valid phone number was not written in E.164 and was reformatted"),
    PHONE_INVALID("a phone number parses but is not a valid number; stored with valid=false"),
    PHONE_UNPARSEABLE("a phone number cannot be parsed; stored with valid=false under its fallback key"),
    PHONE_DUPLICATE("a phone number repeats an earlier entry of the profile once normalized; no row"),
    PHONE_NO_DIGITS("a phone entry has no digits; no row"),
    CONTACTS_MALFORMED("the contacts value is not valid JSON or exceeds the parser limits; no rows"),
    CONTACTS_UNEXPECTED_SHAPE("the contacts value, or one entry of it, does not have a supported shape"),
    CONTACTS_TRUNCATED("a profile has more entries of one kind than allowed; the surplus was dropped"),
    // Appended after the agreed codes so that their order stays as first published.
    EMAIL_TRAILING_PUNCTUATION("trailing '.', ',' or ';' was removed from an email"),
    CONTACT_UNMAPPED("a string value no mapping rule selects is an email address or a phone number; no row"),
    CONTACT_MENTIONED("a text no mapping rule selects contains an email address or a phone number; no row");

    private final String description;

    QualityCode(String description) {
        this.description = description;
    }

    /** One line saying what the code means. */
    public String description() {
        return description;
    }
}
