package com.contactsync.normalize;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Normalizes one email entry into its key and row, reporting every repair.
 *
 * <p>In order: zero-width characters anywhere and white space at the ends are removed (EMAIL_WHITESPACE);
 * a mailto: URI (its ?query dropped) or angle brackets with or without a display name are unwrapped
 * (EMAIL_WRAPPED); trailing '.', ',' and ';' are dropped (EMAIL_TRAILING_PUNCTUATION: they are not white
 * space, and a separate code keeps the whitespace figures honest); the address is lower-cased as a whole
 * (EMAIL_CASE); an internationalized domain is converted to ASCII (EMAIL_IDN, see {@link IdnDomain}).
 * Internal white space is not repaired. Nothing left gives EMAIL_EMPTY and no row.
 *
 * <p>Validity is commons-validator's {@code EmailValidator.getInstance(false, false)} (through
 * {@link EmailValidity}, which asks it once per domain): no local addresses
 * (user@localhost) and no bare TLDs (user@com), since neither can be a customer's mailbox. On top of it, an
 * address holding white space or control characters anywhere is invalid, as the validator accepts
 * Unicode spaces such as NBSP and anything inside a quoted local part ("john doe"@x.com). The validator's
 * TLD list is the one of its release, so TLDs delegated later count as invalid until it is upgraded. An invalid
 * address still gives a row (valid=false) plus EMAIL_INVALID. A domain that looks like a typo gives
 * EMAIL_DOMAIN_TYPO with the corrected address as suggestion, never a change. Every issue carries the raw
 * entry and the normalized key.
 */
final class EmailNormalizer {

    private static final int MAX_UNWRAP_ROUNDS = 4;
    /** 64 for the local part, '@', 255 for the domain: anything longer is invalid without asking the regexes. */
    private static final int MAX_EMAIL_CHARS = 320;

    private final DomainTypoDetector typos = new DomainTypoDetector();
    private final EmailValidity validity = new EmailValidity();

    NormalizedEntry<EmailRow> normalize(RawEntry entry) {
        String raw = entry.value();
        int position = entry.position();
        if (raw == null) {
            return empty(entry, null);
        }
        String s = UnicodeSpaces.clean(raw);
        boolean whitespace = s != raw;
        boolean wrapped = false;
        boolean punctuation = false;
        for (int round = 0; round < MAX_UNWRAP_ROUNDS; round++) {
            String before = s;
            String unwrapped = EmailUnwrapper.unwrap(s);
            if (unwrapped != s) {
                wrapped = true;
                s = UnicodeSpaces.clean(unwrapped);
                whitespace |= s != unwrapped;
            }
            String trimmed = withoutTrailingPunctuation(s);
            if (trimmed != s) {
                punctuation = true;
                s = UnicodeSpaces.clean(trimmed);
                whitespace |= s != trimmed;
            }
            if (s == before) {
                break;
            }
        }
        if (s.isEmpty()) {
            return empty(entry, raw);
        }
        String key = s.toLowerCase(Locale.ROOT);
        boolean caseChanged = !key.equals(s);
        boolean idn = false;
        String domain = null;
        String local = null;
        int at = key.lastIndexOf('@');
        if (at >= 0) {
            local = key.substring(0, at);
            String unicodeDomain = key.substring(at + 1);
            domain = IdnDomain.toAscii(unicodeDomain);
            if (!domain.equals(unicodeDomain)) {
                idn = true;
                key = local + '@' + domain;
            }
            if (domain.isEmpty()) {
                domain = null;
            }
        }
        boolean valid = key.length() <= MAX_EMAIL_CHARS && !hasSpaceOrControl(key) && validity.isValid(key);
        String suggestedDomain = typos.suggest(domain);

        List<QualityIssue> issues = new ArrayList<>(2);
        if (whitespace) {
            issues.add(issue(entry, QualityCode.EMAIL_WHITESPACE, raw, key, null));
        }
        if (wrapped) {
            issues.add(issue(entry, QualityCode.EMAIL_WRAPPED, raw, key, null));
        }
        if (punctuation) {
            issues.add(issue(entry, QualityCode.EMAIL_TRAILING_PUNCTUATION, raw, key, null));
        }
        if (caseChanged) {
            issues.add(issue(entry, QualityCode.EMAIL_CASE, raw, key, null));
        }
        if (idn) {
            issues.add(issue(entry, QualityCode.EMAIL_IDN, raw, key, null));
        }
        if (!valid) {
            issues.add(issue(entry, QualityCode.EMAIL_INVALID, raw, key, null));
        }
        if (suggestedDomain != null) {
            issues.add(issue(entry, QualityCode.EMAIL_DOMAIN_TYPO, raw, key, local + '@' + suggestedDomain));
        }
        EmailRow row = new EmailRow(key, raw, domain, entry.type(), valid, position);
        return new NormalizedEntry<>(row, key, issues);
    }

    /** The validator lets Unicode spaces (NBSP ...) and anything inside a quoted local part through. */
    private static boolean hasSpaceOrControl(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (UnicodeSpaces.isSpace(c) || Character.isISOControl(c)) {
                return true;
            }
        }
        return false;
    }

    private static String withoutTrailingPunctuation(String s) {
        int end = s.length();
        while (end > 0 && isTrailingPunctuation(s.charAt(end - 1))) {
            end--;
        }
        return end == s.length() ? s : s.substring(0, end);
    }

    private static boolean isTrailingPunctuation(char c) {
        return c == '.' || c == ',' || c == ';';
    }

    private static NormalizedEntry<EmailRow> empty(RawEntry entry, String raw) {
        return NormalizedEntry.withoutRow(issue(entry, QualityCode.EMAIL_EMPTY, raw, null, null));
    }

    private static QualityIssue issue(RawEntry entry, QualityCode code, String raw, String key, String suggestion) {
        return new QualityIssue(QualityIssue.FIELD_EMAIL, entry.position(), code, raw, key, suggestion, entry.jsonPath());
    }
}
