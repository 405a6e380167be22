package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.generate.GeneratedProfile;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.ProfileGenerator;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberType;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** {@link NumberRegion} answers what libphonenumber's getRegionCodeForNumber and isValidNumber answer. */
class NumberRegionTest {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();

    @ParameterizedTest
    @CsvSource({
        "+1 415 555 2671, US, true",     // +1 shared by 25 regions: US has no leading digits, its patterns match
        "+1 613 555 0123, CA, true",     // not valid in US: CA, after the Caribbean regions' leading digits
        "+1 268 464 1234, AG, true",     // AG's leading digits (268)
        "+1 268 000 0000, AG, false",    // AG's leading digits decide the region even when the number is not valid there
        "+1 999 555 0123, , false",      // no region of +1
        "+44 20 7946 0958, GB, true",
        "+44 1481 256 789, GG, true",
        "+7 701 123 4567, KZ, true",     // KZ's leading digits
        "+7 912 345 6789, RU, true",
        "+49 30 123456, DE, true",       // a code of one region: the region, then validity
        "+49 12, DE, false",
        "+800 1234 5678, 001, true",     // non-geographic
    })
    void regionAndValidity(String text, String region, boolean valid) throws NumberParseException {
        PhoneNumber number = PHONES.parse(text, "ZZ");
        assertThat(NumberRegion.of(number)).isEqualTo(new NumberRegion(region, valid));
        assertSameAsLibrary(number);
    }

    @Test
    void unknownCallingCodeHasNoRegion() {
        PhoneNumber number = new PhoneNumber().setCountryCode(999).setNationalNumber(1234567L);
        assertThat(NumberRegion.of(number)).isEqualTo(new NumberRegion(null, false));
        assertSameAsLibrary(number);
    }

    @Test
    void sameAsTheLibraryOnEveryRegionsExampleNumbers() {
        List<PhoneNumber> numbers = new ArrayList<>();
        for (String region : PHONES.getSupportedRegions()) {
            for (PhoneNumberType type : PhoneNumberType.values()) {
                addIfPresent(numbers, PHONES.getExampleNumberForType(region, type));
            }
            addIfPresent(numbers, PHONES.getInvalidExampleNumber(region));
        }
        for (int callingCode : PHONES.getSupportedGlobalNetworkCallingCodes()) {
            addIfPresent(numbers, PHONES.getExampleNumberForNonGeoEntity(callingCode));
        }
        assertThat(numbers).hasSizeGreaterThan(1_500);
        numbers.forEach(NumberRegionTest::assertSameAsLibrary);
    }

    @Test
    void sameAsTheLibraryOnRandomNumbersOfEverySharedCallingCode() {
        SplittableRandom random = new SplittableRandom(7);
        int shared = 0;
        for (int callingCode : PHONES.getSupportedCallingCodes()) {
            if (PHONES.getRegionCodesForCountryCode(callingCode).size() < 2) {
                continue;
            }
            shared++;
            for (int i = 0; i < 3_000; i++) {
                int digits = 4 + random.nextInt(10);
                long national = random.nextLong((long) Math.pow(10, digits - 1), (long) Math.pow(10, digits));
                assertSameAsLibrary(new PhoneNumber().setCountryCode(callingCode).setNationalNumber(national));
            }
        }
        assertThat(shared).as("calling codes shared by regions").isGreaterThan(10);
    }

    @Test
    void sameAsTheLibraryOnEveryAreaCodeOfPlusOne() {
        SplittableRandom random = new SplittableRandom(11);
        for (int areaCode = 200; areaCode < 1_000; areaCode++) {
            for (int i = 0; i < 5; i++) {
                long national = areaCode * 10_000_000L + 2_000_000 + random.nextInt(8_000_000);
                assertSameAsLibrary(new PhoneNumber().setCountryCode(1).setNationalNumber(national));
            }
        }
    }

    @Test
    void sameAsTheLibraryOnTheGeneratorsPhones() throws NumberParseException {
        ProfileGenerator generator = new ProfileGenerator(42, GeneratorSettings.defaults());
        ContactNormalizer normalizer = new ContactNormalizer(NormalizerSettings.defaults());
        int checked = 0;
        for (long id = 1; checked < 20_000; id++) {
            GeneratedProfile profile = generator.generate(id);
            for (PhoneRow row : normalizer.normalize(profile.contacts(), profile.country()).phones()) {
                String region = row.country() == null ? "US" : row.country();
                try {
                    assertSameAsLibrary(PHONES.parse(row.phoneRaw(), region));
                    checked++;
                } catch (NumberParseException unparseable) {
                    // nothing to compare
                }
            }
        }
    }

    private static void addIfPresent(List<PhoneNumber> numbers, PhoneNumber number) {
        if (number != null) {
            numbers.add(number);
        }
    }

    private static void assertSameAsLibrary(PhoneNumber number) {
        assertThat(NumberRegion.of(number))
                .as("+%d %d", number.getCountryCode(), number.getNationalNumber())
                .isEqualTo(new NumberRegion(PHONES.getRegionCodeForNumber(number), PHONES.isValidNumber(number)));
    }
}
