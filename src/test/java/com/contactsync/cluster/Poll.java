package com.contactsync.cluster;

import java.time.Duration;
import java.util.Optional;

/** Waits, bounded, for something a cluster does eventually; a timeout fails with what was awaited and where the logs are. */
final class Poll {

    private static final Duration INTERVAL = Duration.ofMillis(500);

    /** A check that may need the network; empty (or false) means "not yet". */
    @FunctionalInterface
    interface Check<T> {
        Optional<T> get() throws Exception;
    }

    /** A yes/no check. */
    @FunctionalInterface
    interface Condition {
        boolean holds() throws Exception;
    }

    private final Duration timeout;
    private final String logHint;

    Poll(Duration timeout, String logHint) {
        this.timeout = timeout;
        this.logHint = logHint;
    }

    <T> T untilPresent(String what, Check<T> check) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            Optional<T> value = check.get();
            if (value.isPresent()) {
                return value.get();
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout + " waiting for " + what + " (" + logHint + ")");
            }
            Thread.sleep(INTERVAL.toMillis());
        }
    }

    void until(String what, Condition condition) throws Exception {
        untilPresent(what, () -> condition.holds() ? Optional.of(Boolean.TRUE) : Optional.empty());
    }
}
