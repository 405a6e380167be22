package com.contactsync.generate;

/**
 * One generated email or phone before it is laid out as JSON; {@code number} is set instead of
 * {@code text} for a phone stored as a JSON number, and the other fields are written only by
 * layouts that have a place for them.
 */
record ContactEntry(String text, Long number, String label, String region, String extension) {

    static ContactEntry text(String text) {
        return new ContactEntry(text, null, null, null, null);
    }

    /** The entry as one string, for layouts without objects (a separate extension is inlined). */
    String asText() {
        String value = number != null ? Long.toString(number) : text;
        return extension == null ? value : value + " ext. " + extension;
    }
}
