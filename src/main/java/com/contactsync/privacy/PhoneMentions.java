package com.contactsync.privacy;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A phone number inside text, written in any of the usual ways: {@code +1 (415) 555-0123},
 * {@code 001 415 555 0123}, {@code 415.555.0123}, {@code 4155550123} — its national digits with
 * any separators between them, optionally after its calling code or a trunk 0, and not as part of
 * a longer run of digits. A number of fewer than {@value #MIN_FREE_TEXT_DIGITS} digits only counts
 * when it is the whole text: shorter ones occur in any text by chance.
 */
final class PhoneMentions implements Mentions {

    static final int MIN_FREE_TEXT_DIGITS = 6;
    private static final String SEPARATORS = "[\\s().\\-/\\u00A0\\u2010-\\u2015]*";
    /** "+44 415 555 0123" is another country's number with the same national digits. */
    private static final String NOT_AFTER_DIGITS_OR_ANOTHER_CALLING_CODE =
            "(?<![0-9+])(?<!(?:\\+|00)[0-9]{1,3}[\\s.\\-/]{1,2})";

    private final String nationalDigits;
    private final Pattern pattern;

    PhoneMentions(String key) {
        String digits = key.replaceAll("[^0-9]", "");
        String national = digits;
        String callingCode = null;
        if (key.startsWith("+")) {
            try {
                PhoneNumber number = PhoneNumberUtil.getInstance().parse(key, "ZZ");
                String nsn = PhoneNumberUtil.getInstance().getNationalSignificantNumber(number);
                if (!nsn.isEmpty() && digits.endsWith(nsn)) {
                    national = nsn;
                    callingCode = digits.substring(0, digits.length() - nsn.length());
                }
            } catch (NumberParseException unparseable) {
                // a fallback key: its digits are all we know
            }
        }
        this.nationalDigits = national;
        String prefix = callingCode == null || callingCode.isEmpty() ? ""
                : "(?:(?:\\+|00)" + SEPARATORS + spaced(callingCode) + SEPARATORS + ")?";
        String body = prefix + "(?:\\(?0\\)?" + SEPARATORS + ")?\\(?" + spaced(national);
        pattern = national.length() >= MIN_FREE_TEXT_DIGITS
                ? Pattern.compile(NOT_AFTER_DIGITS_OR_ANOTHER_CALLING_CODE + body + "(?![0-9])")
                : Pattern.compile("^\\s*" + body + "\\s*$");
    }

    @Override
    public boolean in(String text) {
        return text != null && !nationalDigits.isEmpty() && pattern.matcher(text).find();
    }

    @Override
    public String replace(String text, String replacement) {
        return text == null || nationalDigits.isEmpty() ? text
                : pattern.matcher(text).replaceAll(Matcher.quoteReplacement(replacement));
    }

    /** The national digits: every mention holds them once the text is reduced to its digits. */
    @Override
    public List<String> needles() {
        return List.of(nationalDigits);
    }

    /** The digits with any separators allowed between them. */
    private static String spaced(String digits) {
        StringBuilder regex = new StringBuilder();
        for (int i = 0; i < digits.length(); i++) {
            regex.append(i == 0 ? "" : SEPARATORS).append(digits.charAt(i));
        }
        return regex.toString();
    }
}
