package com.contactsync.normalize;

import java.net.IDN;
import java.text.Normalizer;
import java.util.Locale;

/**
 * Converts an internationalized e-mail domain to its ASCII (punycode) form with java.net.IDN.
 *
 * <p>java.net.IDN implements IDNA2003, which maps the "deviation" letters ß and ς to "ss" and "σ"; registries
 * such as DENIC follow IDNA2008, under which straße.de (xn--strae-oqa.de) is a different domain from
 * strasse.de. Labels holding those letters are therefore Punycode-encoded as they are (NFC, lower case),
 * all other labels go through {@link IDN#toASCII(String)}.
 */
final class IdnDomain {

    private static final int MAX_LABEL_CHARS = 63;

    private IdnDomain() {}

    /** The ASCII form, or the domain unchanged when it is ASCII already or cannot be converted. */
    static String toAscii(String domain) {
        if (isAscii(domain)) {
            return domain;
        }
        try {
            if (domain.indexOf('\u00DF') < 0 && domain.indexOf('\u03C2') < 0) {
                return IDN.toASCII(domain);
            }
            StringBuilder out = new StringBuilder(domain.length() + 16);
            int start = 0;
            for (int i = 0; i <= domain.length(); i++) {
                if (i == domain.length() || isLabelSeparator(domain.charAt(i))) {
                    if (start > 0) {
                        out.append('.');
                    }
                    out.append(labelToAscii(domain.substring(start, i)));
                    start = i + 1;
                }
            }
            return out.toString();
        } catch (IllegalArgumentException e) {
            return domain;
        }
    }

    private static String labelToAscii(String label) {
        if (label.isEmpty() || label.indexOf('\u00DF') < 0 && label.indexOf('\u03C2') < 0) {
            return label.isEmpty() ? label : IDN.toASCII(label);
        }
        String nfc = Normalizer.normalize(label.toLowerCase(Locale.ROOT), Normalizer.Form.NFC);
        String encoded = Punycode.encode(nfc);
        if (encoded == null || encoded.length() + 4 > MAX_LABEL_CHARS) {
            throw new IllegalArgumentException("label cannot be encoded");
        }
        return "xn--" + encoded;
    }

    private static boolean isLabelSeparator(char c) {
        return c == '.' || c == '\u3002' || c == '\uFF0E' || c == '\uFF61';
    }

    static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }
}
