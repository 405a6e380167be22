package com.contactsync.source.change;

import com.contactsync.config.ContactSyncOptions;
import java.io.Serializable;

/**
 * A partition of the change topic that no longer holds the offset the job must continue at: the
 * topic's retention deleted it (or the topic was re-created), so change events were lost unread.
 *
 * @param expectedOffset the next offset the job would read (from its checkpoint or recorded start)
 * @param earliestOffset the earliest offset the partition still holds (its log start offset)
 * @param endOffset the partition's end offset (the offset of its next record)
 */
public record ChangeTopicGap(String topic, int partition, long expectedOffset, long earliestOffset, long endOffset)
        implements Serializable {

    /** Whether {@code expected} lies outside what the partition holds, i.e. reading there would fail or skip. */
    public static boolean isGap(long expected, long earliest, long end) {
        return expected < earliest || expected > end;
    }

    /** The topic ends before the expected offset: it was deleted and re-created, or truncated. */
    public boolean beyondEnd() {
        return expectedOffset > endOffset;
    }

    /** Events the job will never see, when retention removed them; unknown (-1) when the topic was re-created. */
    public long lostEvents() {
        return beyondEnd() ? -1 : earliestOffset - expectedOffset;
    }

    /** What happened and what to do, for the job's failure and the logs. */
    public String message() {
        String what = beyondEnd()
                ? String.format("the job must continue at offset %d of %s partition %d, but the partition now ends at offset %d"
                        + " (earliest %d): the topic was deleted and re-created or truncated, and the change events after offset %d"
                        + " are not there",
                        expectedOffset, topic, partition, endOffset, earliestOffset, expectedOffset)
                : String.format("the job must continue at offset %d of %s partition %d, but the partition now starts at offset %d"
                        + " (retention deleted offsets %d..%d: %d change events the job never read)",
                        expectedOffset, topic, partition, earliestOffset, expectedOffset, earliestOffset - 1, lostEvents());
        return "Gap in the change topic: " + what + ". Continuing would silently leave the profiles those events changed"
                + " stale, so the job stops. Remedy: while a job runs in mode both or live, request a full re-snapshot with"
                + " `./contactsync backfill request --all`; or start over without state with `./contactsync run --mode both --fresh`"
                + " (a full backfill). Set " + ContactSyncOptions.LIVE_ON_GAP.key() + ": resnapshot to have the job record the gap and request"
                + " the re-snapshot itself. Keep the topic's retention longer than any downtime.";
    }

    @Override
    public String toString() {
        return topic + "-" + partition + " expected " + expectedOffset + ", holds " + earliestOffset + ".." + endOffset;
    }
}
