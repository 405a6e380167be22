package com.contactsync.normalize;

/**
 * Splits a trailing extension off a phone text: "x123", "x 123", "ext 123", "ext. 123", "ext: 123",
 * "extension 123", "#123", ";ext=123", optionally after ',' or ';'. The marker must not follow a letter
 * ("fax 123" has no extension); a text that is only an extension ("x123") leaves an empty number. Works
 * from the end in one pass, whatever the length of the text.
 */
final class PhoneExtensionSplitter {

    private static final String[] MARKERS = {"extension", "ext=", "ext.", "ext", "x", "#"};
    private static final int MAX_EXTENSION_DIGITS = 20;

    /** A number text and its extension's digits ("" when there is none). */
    record Split(String number, String extension) {}

    private PhoneExtensionSplitter() {}

    static Split split(String text) {
        int end = text.length();
        int digitsEnd = end;
        int digitsStart = digitsEnd;
        while (digitsStart > 0 && Character.isDigit(text.charAt(digitsStart - 1))) {
            digitsStart--;
        }
        int digitCount = digitsEnd - digitsStart;
        if (digitCount == 0 || digitCount > MAX_EXTENSION_DIGITS) {
            return new Split(text, "");
        }
        int i = digitsStart;
        while (i > 0 && (text.charAt(i - 1) == ' ' || text.charAt(i - 1) == ':')) {
            i--;
        }
        for (String marker : MARKERS) {
            int markerStart = i - marker.length();
            if (markerStart >= 0 && text.regionMatches(true, markerStart, marker, 0, marker.length())
                    && (markerStart == 0 || !Character.isLetter(text.charAt(markerStart - 1)))) {
                String number = trimEnd(text.substring(0, markerStart));
                String extension = com.google.i18n.phonenumbers.PhoneNumberUtil.normalizeDigitsOnly(
                        text.substring(digitsStart, digitsEnd));
                return new Split(number, extension);
            }
        }
        return new Split(text, "");
    }

    private static String trimEnd(String s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == ' ' || s.charAt(end - 1) == ',' || s.charAt(end - 1) == ';')) {
            end--;
        }
        return s.substring(0, end);
    }
}
