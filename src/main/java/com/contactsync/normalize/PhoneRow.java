package com.contactsync.normalize;

import java.util.Objects;

/**
 * One row of {@code profile_phone}.
 *
 * @param phone     E.164 when valid, otherwise the fallback key described on {@link PhoneNormalizer}
 * @param extension the extension's digits, "" when there is none
 * @param phoneRaw  the number exactly as the contacts JSON had it (a JSON number as its digits)
 * @param country   the ISO 3166 region of the number, or the one used to parse it; null when unknown
 * @param type      the entry's type or label, trimmed and lower-cased; null when absent
 * @param valid     whether libphonenumber considers the number valid
 * @param position  the entry's position among the profile's phone entries
 */
public record PhoneRow(String phone, String extension, String phoneRaw, String country, String type, boolean valid,
                       int position) implements java.io.Serializable {

    public PhoneRow {
        Objects.requireNonNull(phone, "phone");
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(phoneRaw, "phoneRaw");
    }
}
