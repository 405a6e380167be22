package com.contactsync.generate;

/**
 * One synthetic profile row: its contacts text (JSON, or garbage when {@code kind} is
 * {@link Kind#MALFORMED}; null for SQL NULL), country and name, plus how many email and phone
 * entries the generator put into the contacts.
 */
public record GeneratedProfile(
        long id, String contacts, String country, String name, Kind kind, int emailEntries, int phoneEntries) {

    /** What sort of profile the generator made. */
    public enum Kind {
        /** Everyday contacts in one of the legacy layouts. */
        REGULAR,
        /** Thousands of emails: a mailing-list import, large enough to be TOASTed. */
        BIG_BLOB,
        /** Text that is not JSON at all. */
        MALFORMED
    }

    /** Never prints the contacts: synthetic, but shaped like personal data. */
    @Override
    public String toString() {
        return "GeneratedProfile{id=" + id + ", kind=" + kind + ", emails=" + emailEntries + ", phones=" + phoneEntries + "}";
    }
}
