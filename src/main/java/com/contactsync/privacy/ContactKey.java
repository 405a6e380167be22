package com.contactsync.privacy;

import com.contactsync.verify.Masking;

import java.util.Objects;

/**
 * An email address or phone number as the target tables key it: the normalized email, or the phone
 * number (E.164, or the fallback key of an invalid number) without extension. Prints masked.
 */
public record ContactKey(Kind kind, String value) {

    /** Which table, and which keys of the contacts JSON, hold a key of this kind. */
    public enum Kind {
        EMAIL("profile_email", "email", "emails"),
        PHONE("profile_phone", "phone", "phones");

        private final String table;
        private final String column;
        private final String listKey;

        Kind(String table, String column, String listKey) {
            this.table = table;
            this.column = column;
            this.listKey = listKey;
        }

        /** The target table holding rows of this kind. */
        public String table() {
            return table;
        }

        /** Its key column, which has the reverse-lookup index. */
        public String column() {
            return column;
        }

        /** The contacts JSON key whose entries the normalizer reads as this kind. */
        String listKey() {
            return listKey;
        }
    }

    public ContactKey {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
    }

    /** The value masked for output and logs ({@code j***@example.com}, {@code +1******0123}). */
    public String masked() {
        return Masking.mask(value);
    }

    @Override
    public String toString() {
        return kind.name().toLowerCase(java.util.Locale.ROOT) + " " + masked();
    }
}
