package com.contactsync.privacy;

import com.contactsync.verify.Masking;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * An email address or phone number as the target tables key it: the normalized email, or the phone
 * number (E.164, or the fallback key of an invalid number) without extension. Prints masked.
 */
public record ContactKey(Kind kind, String value) {

    /** Which table, and which keys of the contacts JSON, hold a key of this kind. */
    public enum Kind {
        EMAIL("profile_email", "email", List.of("emails", "email"), List.of("email", "address", "value")),
        PHONE("profile_phone", "phone", List.of("phones", "phone"), List.of("number", "phone", "value"));

        private final String table;
        private final String column;
        private final List<String> listKeys;
        private final List<String> valueKeys;

        Kind(String table, String column, List<String> listKeys, List<String> valueKeys) {
            this.table = table;
            this.column = column;
            this.listKeys = listKeys;
            this.valueKeys = valueKeys;
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
            return listKeys.get(0);
        }

        /** Whether a top-level key of the contacts JSON holds entries of this kind (any case, as the normalizer reads it). */
        boolean isListKey(String key) {
            return listKeys.contains(key.toLowerCase(Locale.ROOT));
        }

        /** Rank of an entry object's key as the one holding the value (lower wins), or -1; as the normalizer ranks them. */
        int valueKeyRank(String key) {
            return valueKeys.indexOf(key.toLowerCase(Locale.ROOT));
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
        return kind.name().toLowerCase(Locale.ROOT) + " " + masked();
    }
}
