package com.contactsync.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonemetadata.PhoneMetadata;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import com.google.i18n.phonenumbers.metadata.DefaultMetadataDependenciesProvider;
import com.google.i18n.phonenumbers.metadata.source.RegionMetadataSource;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The region a parsed number belongs to and whether it is valid there: what libphonenumber's
 * {@code getRegionCodeForNumber} and {@code isValidNumberForRegion} answer together, matching the
 * region's number patterns once instead of twice.
 *
 * <p>For a calling code that several regions share (+1 has 25, +44 four, +7 two ...), the library takes
 * the first region of the code's list whose leading digits start the number or, for a region without
 * leading digits, whose number patterns the number matches; validity then matches that region's patterns
 * again. Together the two took a fifth of the keyed task's samples in a JFR profile of a 1M backfill
 * (parsing took 29 %), and "matches a region's patterns" is exactly validity there, so a region without
 * leading digits is taken here when the number is valid in it. Same algorithm, same answers:
 * {@code NumberRegionTest} compares the two on every region's example numbers, on random numbers of every
 * shared code and on the generator's, and fails if a release of the library decides otherwise.
 */
record NumberRegion(String region, boolean valid) {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final NumberRegion NONE = new NumberRegion(null, false);
    /** By calling code (1 to 999): the regions that share it, in the library's order; null for a code of one region. */
    private static final Candidate[][] SHARED_CODES = sharedCodes();

    /** A region of a shared calling code; {@code leadingDigits} is null when its metadata has none. */
    private record Candidate(String region, Pattern leadingDigits) {}

    static NumberRegion of(PhoneNumber number) {
        int callingCode = number.getCountryCode();
        Candidate[] candidates = callingCode > 0 && callingCode < SHARED_CODES.length ? SHARED_CODES[callingCode] : null;
        if (candidates == null) {
            String region = PHONES.getRegionCodeForCountryCode(callingCode);
            return "ZZ".equals(region) ? NONE : new NumberRegion(region, PHONES.isValidNumberForRegion(number, region));
        }
        String nationalNumber = PHONES.getNationalSignificantNumber(number);
        for (Candidate candidate : candidates) {
            if (candidate.leadingDigits() != null) {
                if (candidate.leadingDigits().matcher(nationalNumber).lookingAt()) {
                    return new NumberRegion(candidate.region(), PHONES.isValidNumberForRegion(number, candidate.region()));
                }
            } else if (PHONES.isValidNumberForRegion(number, candidate.region())) {
                return new NumberRegion(candidate.region(), true);
            }
        }
        return NONE;
    }

    private static Candidate[][] sharedCodes() {
        RegionMetadataSource metadata = DefaultMetadataDependenciesProvider.getInstance().getPhoneNumberMetadataSource();
        Candidate[][] codes = new Candidate[1000][];
        for (int callingCode : PHONES.getSupportedCallingCodes()) {
            List<String> regions = PHONES.getRegionCodesForCountryCode(callingCode);
            if (regions.size() < 2) {
                continue;
            }
            Candidate[] candidates = new Candidate[regions.size()];
            for (int i = 0; i < candidates.length; i++) {
                PhoneMetadata region = metadata.getMetadataForRegion(regions.get(i));
                Pattern leadingDigits = region.hasLeadingDigits() ? Pattern.compile(region.getLeadingDigits()) : null;
                candidates[i] = new Candidate(regions.get(i), leadingDigits);
            }
            codes[callingCode] = candidates;
        }
        return codes;
    }
}
