package com.contactsync.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.Set;

/**
 * Reads a country as people write it into a region libphonenumber supports: ISO 3166 alpha-2 in any case
 * ("us"), "UK" for GB, alpha-3 ("DEU"), or a calling code ("44", "+44"; a shared code gives its main
 * region, "1" gives US). Anything else gives null, so the caller falls back to the next source.
 */
final class RegionResolver {

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> SUPPORTED = PHONES.getSupportedRegions();
    private static final Map<String, String> ALPHA3_TO_ALPHA2 = alpha3ToAlpha2();

    private RegionResolver() {}

    /** The supported region the text names, or null. */
    static String resolve(String text) {
        if (text == null) {
            return null;
        }
        String s = UnicodeSpaces.strip(text);
        if (s.isEmpty() || s.length() > 4) {
            return null;
        }
        String digits = s.startsWith("+") ? s.substring(1) : s;
        if (!digits.isEmpty() && isAsciiDigits(digits)) {
            // Calling codes have no leading zero; "001" is libphonenumber's non-geographic pseudo-region.
            return digits.length() <= 3 && digits.charAt(0) != '0' ? fromCallingCode(Integer.parseInt(digits)) : null;
        }
        String upper = s.toUpperCase(Locale.ROOT);
        if (upper.equals("UK")) {
            return "GB";
        }
        if (upper.length() == 3) {
            upper = ALPHA3_TO_ALPHA2.get(upper);
        }
        return upper != null && SUPPORTED.contains(upper) ? upper : null;
    }

    /** The main region of a calling code, or null for unknown and non-geographic (800, 870 ...) codes. */
    static String fromCallingCode(int callingCode) {
        return supportedOrNull(PHONES.getRegionCodeForCountryCode(callingCode));
    }

    /** The region when libphonenumber supports it; null for "ZZ" (unknown), "001" (non-geographic) and null. */
    static String supportedOrNull(String region) {
        return region != null && SUPPORTED.contains(region) ? region : null;
    }

    private static boolean isAsciiDigits(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) < '0' || s.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static Map<String, String> alpha3ToAlpha2() {
        Map<String, String> map = new HashMap<>();
        for (String alpha2 : Locale.getISOCountries()) {
            try {
                map.put(new Locale("", alpha2).getISO3Country(), alpha2);
            } catch (MissingResourceException e) {
                // A country without an alpha-3 code is simply not offered in that form.
            }
        }
        return Map.copyOf(map);
    }
}
