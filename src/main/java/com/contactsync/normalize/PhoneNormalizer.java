package com.contactsync.normalize;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.List;

/**
 * Normalizes one phone entry with libphonenumber into its key and row.
 *
 * <p>The text is cleaned (zero-width characters removed, Unicode spaces made ASCII, ends trimmed) and a
 * trailing extension split off ({@link PhoneExtensionSplitter}; else libphonenumber's own extension, else
 * the entry's ext field, digits only). A number without digits (also an extension alone, "x123") gives
 * PHONE_NO_DIGITS and no row. The number is parsed with the entry's region, else the profile's, else the
 * default ({@link RegionResolver}); a number written with a "00" prefix that is not valid that way is read
 * as international ("0044 20 ..." as "+44 20 ...").
 *
 * <ul>
 *   <li>valid: {@code phone} is E.164, {@code country} the number's region (null for non-geographic
 *       numbers such as +800). PHONE_REFORMATTED when the raw text, trimmed of white space, is not exactly
 *       that E.164 (so an inline extension, moved to its own column, counts as reformatting);</li>
 *   <li>parseable but not valid: PHONE_INVALID;</li>
 *   <li>not parseable: PHONE_UNPARSEABLE.</li>
 * </ul>
 * For the last two {@code phone} is the {@link PhoneFallbackKey} and valid=false; {@code country} is the
 * region used to parse, except when the number carries another calling code ("+44 12" parsed with US gives
 * GB). Issues carry the raw text and the key as {@code phone}, or {@code phone;ext=extension} when there is
 * an extension.
 */
final class PhoneNormalizer {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    /**
     * Normalizes an entry.
     *
     * @param contextRegion the profile's region, or the default one, used when the entry names none
     */
    NormalizedEntry<PhoneRow> normalize(RawEntry entry, String contextRegion) {
        String raw = entry.value();
        int position = entry.position();
        if (raw == null) {
            return NormalizedEntry.withoutRow(issue(entry, QualityCode.PHONE_NO_DIGITS, null, null));
        }
        String text = clean(raw);
        PhoneExtensionSplitter.Split split = PhoneExtensionSplitter.split(text);
        String number = split.number();
        if (!hasDigit(number)) {
            return NormalizedEntry.withoutRow(issue(entry, QualityCode.PHONE_NO_DIGITS, raw, null));
        }
        String entryRegion = RegionResolver.resolve(entry.region());
        String region = entryRegion != null ? entryRegion : contextRegion;
        String extension = split.extension().isEmpty() ? digitsOnly(entry.extension()) : split.extension();

        PhoneNumber parsed;
        try {
            parsed = parse(number, region);
        } catch (NumberParseException e) {
            String key = PhoneFallbackKey.of(number);
            return result(entry, key, extension, region, false, QualityCode.PHONE_UNPARSEABLE);
        }
        NumberRegion numberRegion = NumberRegion.of(parsed);
        if (!numberRegion.valid()) {
            PhoneNumber international = parseDoubleZeroAsInternational(number, region);
            if (international != null) {
                parsed = international;
                numberRegion = NumberRegion.of(parsed);
            }
        }
        boolean valid = numberRegion.valid();
        String libraryExtension = parsed.getExtension();
        boolean extensionFromLibrary = split.extension().isEmpty() && !libraryExtension.isEmpty();
        if (extensionFromLibrary) {
            extension = PhoneNumberUtil.normalizeDigitsOnly(libraryExtension);
        }
        if (valid) {
            String e164 = PHONES.format(parsed, PhoneNumberFormat.E164);
            String country = RegionResolver.supportedOrNull(numberRegion.region());
            boolean reformatted = !UnicodeSpaces.strip(raw).equals(e164);
            return result(entry, e164, extension, country, true, reformatted ? QualityCode.PHONE_REFORMATTED : null);
        }
        String key = PhoneFallbackKey.of(number);
        if (extensionFromLibrary && key.endsWith(extension) && key.length() > extension.length()) {
            // libphonenumber found an extension in a form the splitter does not know: keep its digits out.
            key = key.substring(0, key.length() - extension.length());
        }
        return result(entry, key, extension, invalidNumberCountry(parsed, region), false, QualityCode.PHONE_INVALID);
    }

    private static NormalizedEntry<PhoneRow> result(RawEntry entry, String phone, String extension, String country,
                                                    boolean valid, QualityCode code) {
        String key = extension.isEmpty() ? phone : phone + ";ext=" + extension;
        PhoneRow row = new PhoneRow(phone, extension, entry.value(), country, entry.type(), valid, entry.position());
        List<QualityIssue> issues = code == null
                ? List.of()
                : List.of(issue(entry, code, entry.value(), key));
        return new NormalizedEntry<>(row, key, issues);
    }

    /** The parsing region, unless the number carries a calling code of another region. */
    private static String invalidNumberCountry(PhoneNumber parsed, String region) {
        if (parsed.getCountryCode() == PHONES.getCountryCodeForRegion(region)) {
            return region;
        }
        return RegionResolver.fromCallingCode(parsed.getCountryCode());
    }

    /**
     * "0044 20 ..." read as "+44 20 ...", or null when the number does not start with "00" or still cannot be
     * parsed. "00" is the international prefix of most of the world, and the fallback key reads it so too.
     */
    private static PhoneNumber parseDoubleZeroAsInternational(String number, String region) {
        String digits = PhoneNumberUtil.normalizeDigitsOnly(number);
        if (digits.length() <= 2 || !digits.startsWith("00") || PhoneFallbackKey.startsWithPlus(number)) {
            return null;
        }
        try {
            return parse("+" + digits.substring(2), region);
        } catch (NumberParseException e) {
            return null;
        }
    }

    /** libphonenumber's parse; the common plain spellings without its general machinery ({@link PlainPhoneParser}). */
    private static PhoneNumber parse(String number, String region) throws NumberParseException {
        PhoneNumber plain = PlainPhoneParser.parse(number, region);
        return plain != null ? plain : PHONES.parse(number, region);
    }

    /** Zero-width characters removed, Unicode spaces made ASCII (libphonenumber knows only some), ends trimmed. */
    private static String clean(String raw) {
        String stripped = UnicodeSpaces.strip(raw);
        StringBuilder sb = null;
        for (int i = 0; i < stripped.length(); i++) {
            char c = stripped.charAt(i);
            boolean zeroWidth = UnicodeSpaces.isZeroWidth(c);
            boolean otherSpace = c != ' ' && UnicodeSpaces.isSpace(c);
            if (sb == null && (zeroWidth || otherSpace)) {
                sb = new StringBuilder(stripped.length()).append(stripped, 0, i);
            }
            if (sb != null && !zeroWidth) {
                sb.append(otherSpace ? ' ' : c);
            }
        }
        return sb == null ? stripped : sb.toString();
    }

    private static boolean hasDigit(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (Character.isDigit(s.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static String digitsOnly(String s) {
        return s == null ? "" : PhoneNumberUtil.normalizeDigitsOnly(s);
    }

    private static QualityIssue issue(RawEntry entry, QualityCode code, String raw, String key) {
        return new QualityIssue(QualityIssue.FIELD_PHONE, entry.position(), code, raw, key, null, entry.jsonPath());
    }
}
