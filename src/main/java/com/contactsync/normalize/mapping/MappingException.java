package com.contactsync.normalize.mapping;

/** A contacts mapping that cannot work; the message names the rule and says what to change. */
public final class MappingException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    MappingException(String where, String what) {
        super(prefix(where) + what);
    }

    MappingException(String where, String what, Throwable cause) {
        super(prefix(where) + what, cause);
    }

    private static String prefix(String where) {
        return where.isEmpty() ? "mapping: " : "mapping." + where + ": ";
    }
}
