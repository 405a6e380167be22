package com.contactsync.config;

import java.util.Locale;

/** Which sources the job attaches, and so whether it ends on its own. */
public enum RunMode {
    /** Only the backfill: the job is bounded and ends when every split is read. */
    BACKFILL(true, false),
    /** Only the change topic: unbounded. */
    LIVE(false, true),
    /** Backfill and change topic together: unbounded; the backfill finishes inside it. */
    BOTH(true, true);

    private final boolean backfill;
    private final boolean live;

    RunMode(boolean backfill, boolean live) {
        this.backfill = backfill;
        this.live = live;
    }

    public boolean readsBackfill() {
        return backfill;
    }

    public boolean readsChanges() {
        return live;
    }

    public boolean isBounded() {
        return !live;
    }

    public static RunMode parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(
                    "mode must be one of backfill, live, both; got '" + text + "'");
        }
    }
}
