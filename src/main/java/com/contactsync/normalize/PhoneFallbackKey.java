package com.contactsync.normalize;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

/**
 * The key of a phone number that is not valid: "+" and its digits when it is written internationally
 * (starting with '+' or "00", which is dropped), otherwise its digits alone. Digits of any script
 * (full-width, Arabic-Indic ...) count as their ASCII values, everything else is ignored.
 *
 * <p>Such a key can equal the E.164 of a valid number only when the same digits were written differently,
 * and rows also differ in {@code is_valid}; a profile never gets both, as rows are deduplicated on key.
 */
final class PhoneFallbackKey {

    private PhoneFallbackKey() {}

    static String of(String numberText) {
        String digits = PhoneNumberUtil.normalizeDigitsOnly(numberText);
        if (startsWithPlus(numberText)) {
            return "+" + digits;
        }
        if (digits.length() > 2 && digits.startsWith("00")) {
            return "+" + digits.substring(2);
        }
        return digits;
    }

    /** True when the first '+' or digit of the text is a '+' (ASCII or full-width). */
    static boolean startsWithPlus(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '+' || c == '\uFF0B') {
                return true;
            }
            if (Character.isDigit(c)) {
                return false;
            }
        }
        return false;
    }
}
