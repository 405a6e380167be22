package com.contactsync.runstate;

/** Whether a run may start without state, and what to tell the user either way. */
public record StartDecision(boolean allowed, String message) {

    static StartDecision allow(String message) {
        return new StartDecision(true, message);
    }

    static StartDecision refuse(String message) {
        return new StartDecision(false, message);
    }

    /** Returns the message when allowed; throws it (for the command line to print) when refused. */
    public String orThrow() {
        if (!allowed) {
            throw new IllegalStateException(message);
        }
        return message;
    }
}
