package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import com.contactsync.generate.GeneratedProfile;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.ProfileGenerator;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** {@link PlainPhoneParser} parses what it takes exactly as libphonenumber's parse does, and leaves it the rest. */
class PlainPhoneParserTest {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final String SEPARATORS = " -./()";

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        // text                  | region | taken: the plain parser answers (else the library does)
        "+14155552671            | US     | true",   // E.164
        "+1 (415) 555-2671       | DE     | true",   // a calling code: the region does not matter
        "+44 20 7946 0958        | US     | true",
        "+39 06 6982 1234        | US     | true",   // Italian leading zero, recorded as the library does
        "+800 1234 5678          | US     | true",   // non-geographic
        "(415) 555-2671          | US     | true",   // national
        "415.555.2671            | US     | true",
        "030 1234567             | DE     | true",   // the national prefix stripped
        "+44 (0)20 7946 0958     | US     | true",   // ... also after a calling code
        "1-415-555-2671          | US     | true",   // the region's calling code, read as one
        "1-415-555-2671          | CA     | true",   // ... and the rest read as its main region's (US)
        "0044 20 7946 0958       | GB     | false",  // the region's international prefix: the library decides
        "011 44 20 7946 0958     | US     | false",
        "+0 123 4567             | US     | false",  // calling codes do not start with 0
        "+999 555 0100           | US     | false",  // no such calling code
        "+1                      | US     | false",  // fewer than three digits
        "12                      | US     | false",
        "415 555 2671 x12        | US     | false",  // an extension: not plain
        "tel:+1-415-555-2671     | US     | false",
        "+1 415 555 2671 ;ext=1  | US     | false",
        "(415) 555-2671          | ZZ     | false",  // no home region
        "4155552671              |        | false",
    })
    void takesPlainSpellingsAndLeavesTheRest(String text, String region, boolean taken) throws NumberParseException {
        PhoneNumber plain = PlainPhoneParser.parse(text, region);
        assertThat(plain != null).as(text).isEqualTo(taken);
        if (taken) {
            assertThat(plain.exactlySameAs(PHONES.parse(text, region))).as(text).isTrue();
        }
    }

    @Test
    void sameAsTheLibraryOnEveryRegionsExampleNumbers() {
        Checked checked = new Checked();
        for (String region : PHONES.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                PhoneNumber example = PHONES.getExampleNumberForType(region, type);
                if (example == null) {
                    continue;
                }
                for (PhoneNumberFormat format : PhoneNumberFormat.values()) {
                    String text = PHONES.format(example, format);
                    checked.compare(text, region);
                    checked.compare(text, "US");
                    checked.compare(text, "DE");
                }
            }
            PhoneNumber invalid = PHONES.getInvalidExampleNumber(region);
            if (invalid != null) {
                checked.compare(PHONES.format(invalid, PhoneNumberFormat.E164), region);
                checked.compare(PHONES.format(invalid, PhoneNumberFormat.NATIONAL), region);
            }
        }
        for (int code : PHONES.getSupportedGlobalNetworkCallingCodes()) {
            PhoneNumber example = PHONES.getExampleNumberForNonGeoEntity(code);
            if (example != null) {
                checked.compare(PHONES.format(example, PhoneNumberFormat.E164), "US");
                checked.compare(PHONES.format(example, PhoneNumberFormat.INTERNATIONAL), "GB");
            }
        }
        assertThat(checked.taken).isGreaterThan(2_000);
    }

    @Test
    void sameAsTheLibraryOnRandomDigitsInEveryRegion() {
        SplittableRandom random = new SplittableRandom(7);
        Checked checked = new Checked();
        List<String> regions = new ArrayList<>(PHONES.getSupportedRegions());
        regions.add("001");
        regions.add("ZZ");
        for (String region : regions) {
            int callingCode = PHONES.getCountryCodeForRegion(region);
            for (int i = 0; i < 300; i++) {
                StringBuilder digits = new StringBuilder();
                switch (random.nextInt(5)) {
                    case 0 -> digits.append('0');
                    case 1 -> digits.append("00");
                    case 2 -> digits.append(callingCode);
                    default -> { }
                }
                int length = 1 + random.nextInt(random.nextInt(4) == 0 ? 20 : 12);
                for (int d = 0; d < length; d++) {
                    digits.append((char) ('0' + random.nextInt(10)));
                }
                String text = withSeparators(random, digits.toString());
                checked.compare(text, region);
                checked.compare("+" + text, region);
                checked.compare("+" + callingCode + text, region);
            }
        }
        assertThat(checked.taken).isGreaterThan(50_000);
    }

    @Test
    void sameAsTheLibraryOnTheGeneratorsPhonesAndTakesMostOfThem() {
        ProfileGenerator generator = new ProfileGenerator(42, GeneratorSettings.defaults());
        ContactNormalizer normalizer = new ContactNormalizer(NormalizerSettings.defaults());
        Checked checked = new Checked();
        for (long id = 1; checked.compared < 30_000; id++) {
            GeneratedProfile profile = generator.generate(id);
            for (PhoneRow row : normalizer.normalize(profile.contacts(), profile.country()).phones()) {
                String text = row.phoneRaw().strip();
                checked.compare(text, profile.country() == null ? "US" : profile.country());
                checked.compare(text, "US");
            }
        }
        // The spellings the plain parser takes are most of what people write; the rest stays the library's.
        assertThat(checked.taken).isGreaterThan(checked.compared / 3);
    }

    private static String withSeparators(SplittableRandom random, String digits) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            if (i > 0 && random.nextInt(4) == 0) {
                text.append(SEPARATORS.charAt(random.nextInt(SEPARATORS.length())));
            }
            text.append(digits.charAt(i));
        }
        return random.nextInt(8) == 0 ? "(" + text + ")" : text.toString();
    }

    /** Compares the two parsers on a text: the plain one may decline, but what it answers is the library's. */
    private static final class Checked {
        int compared;
        int taken;

        void compare(String text, String region) {
            compared++;
            PhoneNumber plain = PlainPhoneParser.parse(text, region);
            if (plain == null) {
                return;
            }
            taken++;
            try {
                PhoneNumber library = PHONES.parse(text, region);
                assertThat(plain.exactlySameAs(library))
                        .as("\"%s\" in %s: plain %s, library %s", text, region, plain, library)
                        .isTrue();
            } catch (NumberParseException e) {
                fail("\"%s\" in %s: plain %s, the library refuses it (%s)", text, region, plain, e.getErrorType());
            }
        }
    }
}
