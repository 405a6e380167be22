package com.contactsync.verify;

/** A profile as the source table holds it: contacts as text (null for SQL NULL) and country. */
record SourceRow(long id, String contacts, String country) {

    /** Never prints the contacts. */
    @Override
    public String toString() {
        return "SourceRow{id=" + id + "}";
    }
}
