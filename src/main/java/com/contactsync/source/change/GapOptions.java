package com.contactsync.source.change;

import com.contactsync.config.JdbcEndpoint;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.ConfigOptions;

/** The {@code live.on-gap} option: what the job does when the change topic lost events it had not read. */
public final class GapOptions {

    /** The two answers to a gap. */
    public enum OnGap {
        /** Fail the job with a message naming the gap and the remedy. */
        FAIL,
        /** Record the gap in contactsync_gap, request a full re-snapshot and read on. */
        RESNAPSHOT
    }

    public static final ConfigOption<OnGap> ON_GAP =
            ConfigOptions.key("live.on-gap").enumType(OnGap.class).defaultValue(OnGap.FAIL)
                    .withDescription("fail | resnapshot: when the change topic no longer holds the offset the job must"
                            + " continue at (retention), fail the job, or record the gap in contactsync_gap and request"
                            + " a full re-snapshot. Never skipped silently.");

    private GapOptions() {}

    /** The handler for {@code onGap}; {@code requester} is only used by resnapshot. */
    public static GapHandler handler(OnGap onGap, JdbcEndpoint target, ResnapshotRequester requester) {
        return switch (onGap) {
            case FAIL -> GapHandler.failing();
            case RESNAPSHOT -> new ResnapshotOnGap(new GapLog(target), requester);
        };
    }
}
