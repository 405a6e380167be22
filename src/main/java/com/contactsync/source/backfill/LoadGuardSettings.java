package com.contactsync.source.backfill;

import com.contactsync.config.SqlIdentifier;

import java.io.Serializable;
import java.time.Duration;

/**
 * When the backfill must hold back for the live database (like gh-ost's max-load): a pause switch
 * in a control table, a ceiling of active sessions, and a ceiling of a probe query's latency.
 * A ceiling of 0 (or a zero duration) is off.
 */
public record LoadGuardSettings(
        SqlIdentifier controlTable, int maxActiveSessions, Duration maxProbeLatency, Duration checkInterval)
        implements Serializable {

    /** The control row that pauses the backfill while its value is {@code true}. */
    public static final String PAUSE_KEY = "backfill.paused";

    public LoadGuardSettings {
        if (controlTable == null) {
            throw new IllegalArgumentException("a control table is required, e.g. contactsync_control");
        }
        if (maxActiveSessions < 0) {
            throw new IllegalArgumentException("backfill.max-active-sessions must be >= 0 (0 = off), got " + maxActiveSessions);
        }
        if (maxProbeLatency.isNegative()) {
            throw new IllegalArgumentException("backfill.max-probe-latency must be >= 0 (0 = off)");
        }
        if (checkInterval.isNegative() || checkInterval.isZero()) {
            throw new IllegalArgumentException("the load check interval must be positive");
        }
    }

    public static LoadGuardSettings defaults() {
        return new LoadGuardSettings(SqlIdentifier.of("contactsync_control"), 0, Duration.ZERO, Duration.ofSeconds(1));
    }
}
