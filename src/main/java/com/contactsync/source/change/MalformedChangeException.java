package com.contactsync.source.change;

/**
 * A change record that cannot be used; its message becomes the dead letter's reason, so it is
 * short and never quotes values from the record.
 */
final class MalformedChangeException extends Exception {

    private static final long serialVersionUID = 1L;

    MalformedChangeException(String reason) {
        // No stack trace: bad input is expected, and the reason says all there is to know.
        super(reason, null, false, false);
    }
}
