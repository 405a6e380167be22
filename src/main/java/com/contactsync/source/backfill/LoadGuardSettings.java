package com.contactsync.source.backfill;

import static com.contactsync.config.ContactSyncOptions.BACKFILL_CONTROL_TABLE;
import static com.contactsync.config.ContactSyncOptions.BACKFILL_MAX_ACTIVE_SESSIONS;
import static com.contactsync.config.ContactSyncOptions.BACKFILL_MAX_PROBE_LATENCY;

import com.contactsync.config.JobConfig;
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

    /** How often the guard looks at the pause switch and the load; short enough to react within a page or two. */
    static final Duration CHECK_INTERVAL = Duration.ofSeconds(1);

    public LoadGuardSettings {
        if (controlTable == null) {
            throw new IllegalArgumentException("a control table is required, e.g. " + BACKFILL_CONTROL_TABLE.defaultValue());
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

    /** The load guard as configured. */
    public static LoadGuardSettings from(JobConfig config) {
        return new LoadGuardSettings(SqlIdentifier.of(config.get(BACKFILL_CONTROL_TABLE)),
                config.get(BACKFILL_MAX_ACTIVE_SESSIONS), config.get(BACKFILL_MAX_PROBE_LATENCY), CHECK_INTERVAL);
    }

    /** The options' defaults: the pause switch only. */
    public static LoadGuardSettings defaults() {
        return new LoadGuardSettings(SqlIdentifier.of(BACKFILL_CONTROL_TABLE.defaultValue()),
                BACKFILL_MAX_ACTIVE_SESSIONS.defaultValue(), BACKFILL_MAX_PROBE_LATENCY.defaultValue(), CHECK_INTERVAL);
    }
}
