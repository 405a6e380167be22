package com.contactsync.normalize;

import java.util.Objects;

/**
 * One row of {@code profile_email}.
 *
 * @param email    the normalized key: trimmed, unwrapped, lower-cased, ASCII domain
 * @param emailRaw the entry exactly as the contacts JSON had it
 * @param domain   the ASCII domain of {@code email}; null when there is no '@' or nothing after it
 * @param type     the entry's type or label, trimmed and lower-cased; null when absent
 * @param valid    whether commons-validator accepts {@code email}
 * @param position the entry's position among the profile's email entries
 */
public record EmailRow(String email, String emailRaw, String domain, String type, boolean valid, int position)
        implements java.io.Serializable {

    public EmailRow {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(emailRaw, "emailRaw");
    }
}
