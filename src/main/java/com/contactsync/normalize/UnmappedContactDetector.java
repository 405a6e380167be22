package com.contactsync.normalize;

import com.google.i18n.phonenumbers.PhoneNumberMatch;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * "No contact left behind": finds the email addresses and phone numbers in the string values no mapping
 * rule selected ({@link RawContacts#loose()}).
 *
 * <p>A value that is a valid address as a whole (what {@link EmailNormalizer} accepts: also wrapped or
 * mailto:) or a valid phone number as a whole gives CONTACT_UNMAPPED; a longer text holding one gives
 * CONTACT_MENTIONED, once per contact and text. Emails in text are tokens around an '@' that the
 * validator accepts (so {@code @handles}, {@code user@host} without a TLD, {@code pkg@1.2.3} are not), not
 * the user-info of a URL or an scp-like {@code git@host:path}. Phones are what libphonenumber's
 * {@code findNumbers} finds with leniency STRICT_GROUPING in the profile's region: valid numbers whose
 * digit groups are the number's own, which rejects dates, prices, versions, zip codes, IP addresses and
 * most order numbers; on top of it a number right after '#' or a reference word (order, invoice, ticket,
 * tracking, account, ...) is not a phone, nor an amount (decimals, a currency before it), nor a number inside a
 * URL or glued to an identifier by '_', '/', '='. Strings with neither '@' nor {@value #MIN_PHONE_DIGITS} digits are
 * never looked at. A contact the profile already has a row for is not reported again. Issues: the kind's
 * field, positions after the kind's entries, the string as raw value (capped to 200 characters for texts),
 * the contact's key as normalized value, the string's path; never more than {@code max} per kind.
 */
final class UnmappedContactDetector {

    static final int MIN_PHONE_DIGITS = 6;
    private static final int MAX_PHONE_TRIES = 64;
    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> REFERENCE_WORDS = Set.of("order", "invoice", "inv", "ticket", "ref",
            "reference", "tracking", "account", "acct", "sku", "id", "customer", "case", "booking",
            "confirmation", "transaction", "txn", "serial", "iban", "po", "item", "part", "sn", "pin", "code");
    private static final Set<String> CURRENCY_CODES = Set.of("USD", "EUR", "GBP", "JPY", "CHF", "CAD", "AUD", "INR",
            "BRL", "CNY", "MXN", "SEK", "NOK", "DKK", "PLN", "RUB", "ZAR");
    private static final Set<String> NUMBER_WORDS = Set.of("no", "nr", "nbr", "num", "number");
    private static final Set<String> PHONE_WORDS = Set.of("tel", "telephone", "phone", "mobile", "cell", "fax",
            "call", "whatsapp", "sms", "contact", "home", "work", "office");

    private final EmailNormalizer emails;

    UnmappedContactDetector(EmailNormalizer emails) {
        this.emails = emails;
    }

    /** Whether a string may hold a contact at all: it has an '@' or enough digits for a phone number. */
    static boolean worthChecking(String s) {
        int digits = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '@') {
                return true;
            }
            if (c <= '9' ? c >= '0' : Character.isDigit(c)) {
                digits++;
            }
        }
        return digits >= MIN_PHONE_DIGITS;
    }

    /** The issues of one profile's loose strings, per kind. */
    record Findings(List<QualityIssue> emails, List<QualityIssue> phones) {
        static final Findings NONE = new Findings(List.of(), List.of());
    }

    /**
     * @param firstEmailPosition the position the first email finding takes (after the email entries)
     * @param storedEmails       keys of the email rows the profile has (not reported again); same for phones
     */
    Findings find(List<RawContacts.LooseText> loose, String region, int firstEmailPosition, int firstPhonePosition,
                  int max, Set<String> storedEmails, Set<String> storedPhones) {
        if (loose.isEmpty()) {
            return Findings.NONE;
        }
        List<QualityIssue> emailIssues = new ArrayList<>(0);
        List<QualityIssue> phoneIssues = new ArrayList<>(0);
        for (RawContacts.LooseText text : loose) {
            String s = text.text();
            String stripped = UnicodeSpaces.strip(s);
            List<int[]> emailSpans = new ArrayList<>(0);
            if (stripped.indexOf('@') >= 0) {
                String whole = wholeEmail(stripped);
                if (whole != null) {
                    if (!storedEmails.contains(whole) && emailIssues.size() < max) {
                        emailIssues.add(issue(QualityIssue.FIELD_EMAIL, firstEmailPosition + emailIssues.size(),
                                QualityCode.CONTACT_UNMAPPED, s, whole, text.jsonPath()));
                    }
                    continue;
                }
                Set<String> mentioned = new HashSet<>();
                for (int at = s.indexOf('@'); at >= 0; at = s.indexOf('@', at + 1)) {
                    int[] span = emailAround(s, at);
                    String key = span == null ? null : validEmailKey(s.substring(span[0], span[1]));
                    if (key != null) {
                        emailSpans.add(span);
                        if (mentioned.add(key) && !storedEmails.contains(key) && emailIssues.size() < max) {
                            emailIssues.add(issue(QualityIssue.FIELD_EMAIL, firstEmailPosition + emailIssues.size(),
                                    QualityCode.CONTACT_MENTIONED, s, key, text.jsonPath()));
                        }
                    }
                }
            }
            if (phoneIssues.size() < max && hasPhoneDigits(s)) {
                findPhones(s, stripped, region, emailSpans, text.jsonPath(), firstPhonePosition, max, storedPhones,
                        phoneIssues);
            }
        }
        return new Findings(emailIssues, phoneIssues);
    }

    private void findPhones(String s, String stripped, String region, List<int[]> emailSpans, String path,
                            int firstPosition, int max, Set<String> stored, List<QualityIssue> issues) {
        Set<String> mentioned = new HashSet<>();
        for (PhoneNumberMatch match : PHONES.findNumbers(s, region, PhoneNumberUtil.Leniency.STRICT_GROUPING,
                MAX_PHONE_TRIES)) {
            if (overlaps(emailSpans, match.start(), match.end()) || isReference(s, match.start())
                    || isAmount(s, match.start(), match.end()) || isInsideIdentifierOrUrl(s, match.start())) {
                continue;
            }
            String e164 = PHONES.format(match.number(), PhoneNumberFormat.E164);
            String extension = PhoneNumberUtil.normalizeDigitsOnly(match.number().getExtension());
            String key = extension.isEmpty() ? e164 : e164 + ";ext=" + extension;
            if (!mentioned.add(key) || stored.contains(key) || issues.size() >= max) {
                continue;
            }
            boolean whole = match.rawString().equals(stripped);
            issues.add(issue(QualityIssue.FIELD_PHONE, firstPosition + issues.size(),
                    whole ? QualityCode.CONTACT_UNMAPPED : QualityCode.CONTACT_MENTIONED, s, key, path));
        }
    }

    /** The key of a string that is one valid address as a whole (wrapped or not), or null. */
    private String wholeEmail(String stripped) {
        for (int i = 0; i < stripped.length(); i++) {
            if (UnicodeSpaces.isSpace(stripped.charAt(i))) {
                return null; // a display name, or a text: looked at token by token
            }
        }
        if (stripped.indexOf('/') >= 0 && !stripped.regionMatches(true, 0, "mailto:", 0, 7)) {
            return null; // a URL
        }
        return validEmailKey(stripped);
    }

    private String validEmailKey(String candidate) {
        NormalizedEntry<EmailRow> result = emails.normalize(RawEntry.ofText(-1, candidate));
        return result.row() != null && result.row().valid() ? result.key() : null;
    }

    /** The token around an '@' that may be an address: [start, end), or null. */
    private static int[] emailAround(String s, int at) {
        int start = at;
        while (start > 0 && isLocalChar(s.charAt(start - 1))) {
            start--;
        }
        while (start < at && s.charAt(start) == '.') {
            start++;
        }
        int end = at + 1;
        while (end < s.length() && isDomainChar(s.charAt(end))) {
            end++;
        }
        while (end > at + 1 && (s.charAt(end - 1) == '.' || s.charAt(end - 1) == '-')) {
            end--;
        }
        if (start == at || end == at + 1) {
            return null; // @handle, or a lone '@'
        }
        if (start > 0) {
            char before = s.charAt(start - 1);
            boolean mailto = start >= 7 && s.regionMatches(true, start - 7, "mailto:", 0, 7);
            if (before == '/' || (before == ':' && !mailto)) {
                return null; // user-info of a URL
            }
        }
        if (end < s.length()) {
            char after = s.charAt(end);
            if (after == '/' || (after == ':' && end + 1 < s.length() && !Character.isWhitespace(s.charAt(end + 1)))) {
                return null; // host:path, host/path
            }
        }
        return new int[] {start, end};
    }

    private static boolean isLocalChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || "._%+-".indexOf(c) >= 0;
    }

    private static boolean isDomainChar(char c) {
        return Character.isLetterOrDigit(c) || c == '-' || c == '.';
    }

    private static boolean hasPhoneDigits(String s) {
        int digits = 0;
        for (int i = 0; i < s.length() && digits < MIN_PHONE_DIGITS; i++) {
            if (Character.isDigit(s.charAt(i))) {
                digits++;
            }
        }
        return digits >= MIN_PHONE_DIGITS;
    }

    private static boolean overlaps(List<int[]> spans, int start, int end) {
        for (int[] span : spans) {
            if (start < span[1] && span[0] < end) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether the number follows a reference word ("Order 2015550123", "invoice no. 2015550123") or '#' not
     * after a phone word ("#2015550123" is an id, "Phone #: 201-555-0123" is not).
     */
    private static boolean isReference(String s, int start) {
        int[] cursor = {start};
        String word = wordBefore(s, cursor);
        if (word.equals("#")) {
            String previous = wordBefore(s, cursor);
            return !PHONE_WORDS.contains(previous);
        }
        if (NUMBER_WORDS.contains(word)) {
            word = wordBefore(s, cursor);
        }
        return REFERENCE_WORDS.contains(word);
    }

    /** Whether the number is an amount: it has decimals ("4155550123.00") or follows a currency ("USD", "$"). */
    private static boolean isAmount(String s, int start, int end) {
        if (end + 1 < s.length() && (s.charAt(end) == '.' || s.charAt(end) == ',') && Character.isDigit(s.charAt(end + 1))) {
            return true;
        }
        int i = start - 1;
        while (i >= 0 && s.charAt(i) == ' ') {
            i--;
        }
        if (i >= 0 && Character.getType(s.charAt(i)) == Character.CURRENCY_SYMBOL) {
            return true;
        }
        return i >= 2 && CURRENCY_CODES.contains(s.substring(i - 2, i + 1)) && (i == 2 || !Character.isLetter(s.charAt(i - 3)));
    }

    /** Whether the number sits in a URL or is glued to an identifier ("user_2015550123", "/products/2015550123"). */
    private static boolean isInsideIdentifierOrUrl(String s, int start) {
        if (start > 0 && "_/=\\".indexOf(s.charAt(start - 1)) >= 0) {
            return true;
        }
        int tokenStart = start;
        while (tokenStart > 0 && !Character.isWhitespace(s.charAt(tokenStart - 1))) {
            tokenStart--;
        }
        String before = s.substring(tokenStart, start);
        return before.contains("://") || before.startsWith("www.");
    }

    /** The word (letters, lower-cased) or '#' before {@code cursor[0]}, skipping " :.-"; moves the cursor. */
    private static String wordBefore(String s, int[] cursor) {
        int i = cursor[0] - 1;
        while (i >= 0 && " \t:.-".indexOf(s.charAt(i)) >= 0) {
            i--;
        }
        if (i >= 0 && s.charAt(i) == '#') {
            cursor[0] = i;
            return "#";
        }
        int end = i + 1;
        while (i >= 0 && Character.isLetter(s.charAt(i))) {
            i--;
        }
        cursor[0] = i + 1;
        return s.substring(i + 1, end).toLowerCase(Locale.ROOT);
    }

    private static QualityIssue issue(String field, int position, QualityCode code, String text, String key, String path) {
        String raw = code == QualityCode.CONTACT_UNMAPPED ? text : StoredText.cap(text, StoredText.MAX_EVIDENCE_CHARS);
        return new QualityIssue(field, position, code, raw, key, null, path);
    }
}
