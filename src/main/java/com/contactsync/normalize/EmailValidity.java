package com.contactsync.normalize;

import org.apache.commons.validator.routines.EmailValidator;

/**
 * commons-validator's verdict on an address ({@code EmailValidator.getInstance(false, false)}), computed
 * once per domain instead of once per address.
 *
 * <p>The validator splits at the last '@' and asks two regexes, one for the local part and one (with a TLD
 * lookup) for the domain; together they were a fifth of the normalizer's time. Domains repeat across
 * profiles far more than they vary, so the domain's verdict is remembered ({@link DomainVerdicts}; it is
 * the validator's own verdict on {@code a@domain}). The local part is answered here only in the plain
 * form the validator's user regex certainly accepts, dot-separated non-empty atoms of ASCII letters,
 * digits and {@code !#$%&*+/=?^_`{|}~-}, at most 64 characters; any other local part goes to the validator.
 * {@code EmailValidityTest} checks that the two never disagree.
 */
final class EmailValidity {

    private static final EmailValidator VALIDATOR = EmailValidator.getInstance(false, false);
    private static final int MAX_LOCAL_CHARS = 64;

    /** The validator's own verdict on a domain: the one it gives {@code a@domain}. */
    private final DomainVerdicts<Boolean> domains = new DomainVerdicts<>(domain -> VALIDATOR.isValid("a@" + domain));

    /** Whether commons-validator accepts the address. */
    boolean isValid(String address) {
        int at = address.lastIndexOf('@');
        if (at <= 0 || !isPlainLocalPart(address, at)) {
            return VALIDATOR.isValid(address);
        }
        return domains.of(address.substring(at + 1));
    }

    /** Whether {@code address[0, end)} is dot-separated plain atoms, within the validator's length limit. */
    static boolean isPlainLocalPart(String address, int end) {
        if (end > MAX_LOCAL_CHARS) {
            return false;
        }
        boolean atomStarted = false;
        for (int i = 0; i < end; i++) {
            char c = address.charAt(i);
            if (c == '.') {
                if (!atomStarted) {
                    return false;
                }
                atomStarted = false;
            } else if (isAtomChar(c)) {
                atomStarted = true;
            } else {
                return false;
            }
        }
        return atomStarted;
    }

    private static boolean isAtomChar(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "!#$%&*+/=?^_`{|}~-".indexOf(c) >= 0;
    }
}
