package com.contactsync.verify;

/**
 * Masks contact values for reports and logs: enough to tell values apart when reading a report
 * ({@code j***@example.com}, {@code +1******0123}), never the full address or number.
 */
public final class Masking {

    private static final int MAX_DOMAIN_CHARS = 64;

    private Masking() {}

    public static String mask(String value) {
        if (value == null) {
            return "null";
        }
        int at = value.lastIndexOf('@');
        if (at >= 0) {
            return email(value, at);
        }
        String digits = digits(value);
        if (digits.length() >= 3) {
            return phone(value, digits);
        }
        String stripped = value.strip();
        return stripped.length() <= 1 ? "*" : new StringBuilder().appendCodePoint(stripped.codePointAt(0)).append("***").toString();
    }

    /** First character of the local part, then the domain up to the first character a domain cannot hold. */
    private static String email(String value, int at) {
        StringBuilder out = new StringBuilder();
        String local = value.substring(0, at).strip();
        if (!local.isEmpty()) {
            out.appendCodePoint(local.codePointAt(0));
        }
        out.append("***@");
        for (int i = at + 1; i < value.length() && i - at <= MAX_DOMAIN_CHARS; i++) {
            char c = value.charAt(i);
            if (!Character.isLetterOrDigit(c) && c != '.' && c != '-') {
                break;
            }
            out.append(c);
        }
        return out.toString();
    }

    /** A long number keeps its first and last four digits, a short one only its last two. */
    private static String phone(String value, String digits) {
        StringBuilder out = new StringBuilder(digits.length() + 1);
        if (value.strip().startsWith("+")) {
            out.append('+');
        }
        int n = digits.length();
        if (n >= 8) {
            out.append(digits.charAt(0)).append("*".repeat(n - 5)).append(digits, n - 4, n);
        } else {
            out.append("*".repeat(n - 2)).append(digits, n - 2, n);
        }
        return out.toString();
    }

    private static String digits(String value) {
        StringBuilder digits = new StringBuilder();
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c >= '0' && c <= '9') {
                digits.append(c);
            }
        }
        return digits.toString();
    }
}
