package com.contactsync.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.MetadataSource;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicReferenceArray;
import java.util.regex.Matcher;
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
 * text viable). What is left are the library's own steps, taken here through its public metadata:
 * <ul>
 *   <li>{@code +}: the calling code is the first one to three digits that form a calling code the library
 *       knows (codes do not start with 0), the rest is the national number, read with the metadata of the
 *       code's main region;</li>
 *   <li>no {@code +}: when the region's international prefix starts the digits this class declines (the
 *       library reads a calling code after it). When the region's calling code starts them, they are read
 *       as that code and the rest if the whole does not match the region's general pattern and the rest
 *       (national prefix stripped) does, or the whole is too long for the region. Otherwise all the digits
 *       are the national number of the region;</li>
 *   <li>then the national prefix: stripped (or transformed) when the region's pattern for it matches the
 *       start, unless the number matched the region's general pattern before and does not after, and
 *       kept when what remains would not be of a possible length. Leading zeros are recorded as the library
 *       records them.</li>
 * </ul>
 * {@code PlainPhoneParserTest} compares the two on every region's example numbers in each format, on random
 * digit strings with separators and prefixes in every region and on the generator's numbers, and fails if
 * a release of the library parses one of them differently.
 */
final class PlainPhoneParser {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final MetadataSource METADATA =
            DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
    /** Longer texts are left to the library (it refuses more than 250 characters; plain numbers are short). */
    private static final int MAX_LENGTH = 64;
    /** The library's bounds for a national number's length. */
    private static final int MIN_NATIONAL_LENGTH = 2;
    private static final int MAX_NATIONAL_LENGTH = 17;
    /** By calling code (1 to 999): whether the library knows it. */
    private static final boolean[] KNOWN_CODES = knownCodes();
    private static final Set<String> SUPPORTED_REGIONS = Set.copyOf(PHONES.getSupportedRegions());
    // The rules are made on first use, as the library loads a region's metadata on first use: most data
    // touches a few regions, and making all of them loads and compiles the metadata of 245 (≈ 140 ms).
    /** By calling code: how its national numbers are read (its main region's rules); null until first used. */
    private static final AtomicReferenceArray<NationalRules> CALLING_CODES = new AtomicReferenceArray<>(1000);
    /** By region code: how numbers written without a {@code +} are read there. */
    private static final ConcurrentMap<String, HomeRegion> REGIONS = new ConcurrentHashMap<>();

    private record HomeRegion(NationalRules rules, String callingCodeDigits, Pattern internationalPrefix) {}

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
        return international ? international(digits, count) : national(new String(digits, 0, count), region);
    }

    private static PhoneNumber international(char[] digits, int count) {
        if (digits[0] == '0') {
            return null;
        }
        int code = 0;
        for (int i = 0; i < 3 && i < count; i++) {
            code = code * 10 + (digits[i] - '0');
            if (KNOWN_CODES[code]) {
                NationalRules rules = callingCode(code);
                return rules == null ? null : rules.number(new String(digits, i + 1, count - i - 1));
            }
        }
        return null;
    }

    private static PhoneNumber national(String digits, String region) {
        HomeRegion home = homeRegion(region);
        if (home == null || home.internationalPrefix().matcher(digits).lookingAt()) {
            return null;
        }
        NationalRules rules = home.rules();
        if (digits.startsWith(home.callingCodeDigits())) {
            String rest = rules.withoutNationalPrefix(digits.substring(home.callingCodeDigits().length()));
            if ((!rules.matchesGeneral(digits) && rules.matchesGeneral(rest))
                    || rules.length(digits.length()) == NationalRules.Length.TOO_LONG) {
                // The library then reads the rest with the calling code's main region (+1 from CA: US).
                NationalRules main = callingCode(rules.callingCode());
                return main == null ? null : main.number(rest);
            }
        }
        return rules.number(digits);
    }

    /** The rules of the code's main region (or of the non-geographic code); null when unusable. */
    private static NationalRules callingCode(int code) {
        NationalRules rules = CALLING_CODES.get(code);
        if (rules == null) {
            String region = PHONES.getRegionCodeForCountryCode(code);
            if (PhoneNumberUtil.REGION_CODE_FOR_NON_GEO_ENTITY.equals(region)) {
                rules = NationalRules.of(METADATA.getMetadataForNonGeographicalRegion(code));
            } else {
                HomeRegion main = homeRegion(region);
                rules = main == null ? null : main.rules();
            }
            // Threads racing here make equal rules; whichever is kept does.
            CALLING_CODES.set(code, rules);
        }
        return rules;
    }

    /** Null for a region the library does not support (or whose metadata is unusable). */
    private static HomeRegion homeRegion(String region) {
        if (region == null || !SUPPORTED_REGIONS.contains(region)) {
            return null;
        }
        return REGIONS.computeIfAbsent(region, code -> {
            PhoneMetadata home = METADATA.getMetadataForRegion(code);
            NationalRules rules = NationalRules.of(home);
            return rules == null ? null : new HomeRegion(rules, Integer.toString(home.getCountryCode()),
                    Pattern.compile(home.getInternationalPrefix()));
        });
    }

    private static boolean[] knownCodes() {
        boolean[] known = new boolean[1000];
        for (int code : PHONES.getSupportedCallingCodes()) {
            known[code] = true;
        }
        return known;
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '/' || c == '(' || c == ')';
    }

    /** How the library reads a national number with one region's metadata (or a non-geographic code's). */
    private record NationalRules(int callingCode, Pattern nationalPrefix, String transformRule, Pattern general,
                                 List<Integer> possibleLengths, List<Integer> localOnlyLengths) {

        /** The library's {@code ValidationResult}s of a length. */
        enum Length { POSSIBLE, LOCAL_ONLY, TOO_SHORT, TOO_LONG, INVALID }

        /** Null when the metadata lists no possible length (the library would fail with an exception). */
        static NationalRules of(PhoneMetadata metadata) {
            List<Integer> possible = metadata.getGeneralDesc().getPossibleLengthList();
            if (possible.isEmpty()) {
                return null;
            }
            String prefix = metadata.getNationalPrefixForParsing();
            String general = metadata.getGeneralDesc().getNationalNumberPattern();
            return new NationalRules(metadata.getCountryCode(), prefix.isEmpty() ? null : Pattern.compile(prefix),
                    metadata.getNationalPrefixTransformRule(), general.isEmpty() ? null : Pattern.compile(general),
                    List.copyOf(possible), List.copyOf(metadata.getGeneralDesc().getPossibleLengthLocalOnlyList()));
        }

        /** The number with this calling code, or null where the library would throw. */
        PhoneNumber number(String nationalNumber) {
            if (nationalNumber.length() < MIN_NATIONAL_LENGTH) {
                return null;
            }
            String stripped = withoutNationalPrefix(nationalNumber);
            if (stripped != nationalNumber) {
                Length length = length(stripped.length());
                if (length == Length.POSSIBLE || length == Length.TOO_LONG) {
                    nationalNumber = stripped;
                }
            }
            int length = nationalNumber.length();
            if (length < MIN_NATIONAL_LENGTH || length > MAX_NATIONAL_LENGTH || !isDigits(nationalNumber)) {
                return null;
            }
            PhoneNumber number = new PhoneNumber().setCountryCode(callingCode);
            if (nationalNumber.charAt(0) == '0') {
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

        /**
         * The library's national prefix rule (carrier codes aside): the prefix removed, or the number
         * transformed by the region's rule, unless the number matched the general pattern and would not after.
         * Returns the same instance when nothing changes.
         */
        String withoutNationalPrefix(String number) {
            if (number.isEmpty() || nationalPrefix == null) {
                return number;
            }
            Matcher prefix = nationalPrefix.matcher(number);
            if (!prefix.lookingAt()) {
                return number;
            }
            boolean matchedBefore = matchesGeneral(number);
            String after = transformRule.isEmpty() || prefix.group(prefix.groupCount()) == null
                    ? number.substring(prefix.end())
                    : prefix.replaceFirst(transformRule);
            return matchedBefore && !matchesGeneral(after) ? number : after;
        }

        boolean matchesGeneral(String number) {
            return general != null && general.matcher(number).matches();
        }

        /** The library's testNumberLength for an unknown type, step by step. */
        Length length(int length) {
            if (possibleLengths.get(0) == -1) {
                return Length.INVALID;
            }
            if (localOnlyLengths.contains(length)) {
                return Length.LOCAL_ONLY;
            }
            int minimum = possibleLengths.get(0);
            if (minimum == length) {
                return Length.POSSIBLE;
            } else if (minimum > length) {
                return Length.TOO_SHORT;
            } else if (possibleLengths.get(possibleLengths.size() - 1) < length) {
                return Length.TOO_LONG;
            }
            return possibleLengths.subList(1, possibleLengths.size()).contains(length) ? Length.POSSIBLE : Length.INVALID;
        }

        private static boolean isDigits(String s) {
            for (int i = 0; i < s.length(); i++) {
                if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                    return false;
                }
            }
            return true;
        }
    }
}
