package com.contactsync.source.change;

import com.contactsync.config.JdbcEndpoint;


/** The answers to {@code live.on-gap}: what the job does when the change topic lost events it had not read. */
public final class GapOptions {

    /** The two answers to a gap. */
    public enum OnGap {
        /** Fail the job with a message naming the gap and the remedy. */
        FAIL,
        /** Record the gap in contactsync_gap, request a full re-snapshot and read on. */
        RESNAPSHOT;

        static OnGap parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("live.on-gap must be fail or resnapshot, got '" + text + "'");
            }
        }
    }

    private GapOptions() {}

    /** The handler for {@code onGap}; {@code requester} is only used by resnapshot. */
    public static GapHandler handler(OnGap onGap, JdbcEndpoint target, ResnapshotRequester requester) {
        return switch (onGap) {
            case FAIL -> GapHandler.failing();
            case RESNAPSHOT -> new ResnapshotOnGap(new GapLog(target), requester);
        };
    }
}
