package com.contactsync.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * libphonenumber's {@code parse} for the spellings most numbers come in, without its general machinery:
 * ASCII digits and the separators {@code " -./()"}, with or without a leading {@code +}. Returns the
 * number the library would return, or null when the text needs the library's other rules — then the
 * caller asks the library.
 *
 * <p>Why: {@code parse} was the largest single cost of a backfill (29 % of the keyed task's samples in a JFR
 * profile of 1M profiles), and most of it goes to rules such texts cannot trigger: the extension search (a
 * long alternation tried at every position; it needs a label, {@code ;}, {@code ,,} or {@code #}), the
 * phone-context and alpha-number handling, the viability expression (at least three digits make such a
 * text viable). What is left is the library's own steps, through its public metadata:
 * <ul>
 *   <li>{@code +}: the calling code is the first one to three digits that form a calling code the library
 *       knows (codes do not start with 0), the rest is the national number;</li>
 *   <li>no {@code +}: the region's international prefix does not start the digits and neither does its
 *       calling code (both would make the library read a calling code), so all the digits are the
 *       national number with the region's calling code;</li>
 *   <li>either way the library then strips a national prefix; when the region's pattern for it matches the
 *       start of the national number this class declines (the library's decision there matches the
 *       region's number patterns), otherwise the number keeps every digit, with its leading zeros
 *       recorded as the library records them.</li>
 * </ul>
 * {@code PlainPhoneParserTest} compares the two on every region's example numbers in each format, on random
 * digit strings with separators in every region and on the generator's numbers, and fails if a release of
 * the library parses one of them differently.
 */
final class PlainPhoneParser {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    /** Longer texts are left to the library (it refuses more than 250 characters; plain numbers are short). */
    private static final int MAX_LENGTH = 64;
    /** The library's bounds for a national number's length. */
    private static final int MIN_NATIONAL_LENGTH = 2;
    private static final int MAX_NATIONAL_LENGTH = 17;
    /** By calling code (1 to 999): how numbers with it are parsed; null for a code the library does not know. */
    private static final CallingCode[] CALLING_CODES = new CallingCode[1000];
    /** By region code: how numbers without a calling code are parsed there. */
    private static final Map<String, HomeRegion> REGIONS = new HashMap<>();

    /** {@code nationalPrefix} is null when the region's metadata has no pattern for one. */
    private record CallingCode(int code, Pattern nationalPrefix) {}

    private record HomeRegion(CallingCode callingCode, String callingCodeDigits, Pattern internationalPrefix) {}

    static {
        MetadataSource metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        for (int code : PHONES.getSupportedCallingCodes()) {
            String region = PHONES.getRegionCodeForCountryCode(code);
            PhoneMetadata main = PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)
                    ? metadata.getMetadataForNonGeographicalRegion(code)
                    : metadata.getMetadataForRegion(region);
            CALLING_CODES[code] = new CallingCode(code, nationalPrefix(main));
        }
        for (String region : PHONES.getSupportedRegions()) {
            PhoneMetadata home = metadata.getMetadataForRegion(region);
            CallingCode code = new CallingCode(home.getCountryCode(), nationalPrefix(home));
            REGIONS.put(region, new HomeRegion(code, Integer.toString(home.getCountryCode()),
                    Pattern.compile(home.getInternationalPrefix())));
        }
    }

    private PlainPhoneParser() {}

    /**
     * What {@code PhoneNumberUtil.parse(text, region)} returns, or null when this class leaves the text to
     * the library (it is not plain, or the library would throw or apply a rule not described above).
     */
    static PhoneNumber parse(String text, String region) {
        int length = text.length();
        if (length == 0 || length > MAX_LENGTH) {
            return null;
        }
        boolean international = text.charAt(0) == '+';
        char[] digits = new char[length];
        int count = 0;
        for (int i = international ? 1 : 0; i < length; i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                digits[count++] = c;
            } else if (!isSeparator(c)) {
                return null;
            }
        }
        if (count < 3) {
            return null;
        }
        return international ? international(digits, count) : national(digits, count, region);
    }

    private static PhoneNumber international(char[] digits, int count) {
        if (digits[0] == '0') {
            return null;
        }
        int code = 0;
        for (int i = 0; i < 3 && i < count; i++) {
            code = code * 10 + (digits[i] - '0');
            CallingCode callingCode = CALLING_CODES[code];
            if (callingCode != null) {
                return withCallingCode(callingCode, new String(digits, i + 1, count - i - 1));
            }
        }
        return null;
    }

    private static PhoneNumber national(char[] digits, int count, String region) {
        HomeRegion home = region == null ? null : REGIONS.get(region);
        if (home == null) {
            return null;
        }
        String nationalNumber = new String(digits, 0, count);
        if (nationalNumber.startsWith(home.callingCodeDigits())
                || home.internationalPrefix().matcher(nationalNumber).lookingAt()) {
            return null;
        }
        return withCallingCode(home.callingCode(), nationalNumber);
    }

    private static PhoneNumber withCallingCode(CallingCode callingCode, String nationalNumber) {
        int length = nationalNumber.length();
        if (length < MIN_NATIONAL_LENGTH || length > MAX_NATIONAL_LENGTH) {
            return null;
        }
        if (callingCode.nationalPrefix() != null && callingCode.nationalPrefix().matcher(nationalNumber).lookingAt()) {
            return null;
        }
        PhoneNumber number = new PhoneNumber().setCountryCode(callingCode.code());
        if (length > 1 && nationalNumber.charAt(0) == '0') {
            // As the library records them: the last digit is never counted as a leading zero.
            number.setItalianLeadingZero(true);
            int zeros = 1;
            while (zeros < length - 1 && nationalNumber.charAt(zeros) == '0') {
                zeros++;
            }
            if (zeros != 1) {
                number.setNumberOfLeadingZeros(zeros);
            }
        }
        return number.setNationalNumber(Long.parseLong(nationalNumber));
    }

    private static Pattern nationalPrefix(PhoneMetadata metadata) {
        String pattern = metadata.getNationalPrefixForParsing();
        return pattern.isEmpty() ? null : Pattern.compile(pattern);
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
    }
}
