package com.contactsync.source.change;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code live.on-gap: resnapshot}: records the gap in {@code contactsync_gap}, requests a full
 * re-snapshot, and lets the partition continue from its earliest retained offset. The
 * re-snapshot re-reads every profile, so what the lost events changed is read again.
 */
public final class ResnapshotOnGap implements GapHandler {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ResnapshotOnGap.class);

    private final GapLog log;
    private final ResnapshotRequester requester;

    public ResnapshotOnGap(GapLog log, ResnapshotRequester requester) {
        this.log = log;
        this.requester = requester;
    }

    @Override
    public void onGap(ChangeTopicGap gap) throws Exception {
        boolean recorded = log.record(gap);
        LOG.warn("{} ({}): requesting a full re-snapshot, then reading on from offset {}",
                gap, recorded ? "recorded in contactsync_gap" : "already recorded", gap.earliestOffset());
        requester.requestFullResnapshot("change topic gap: " + gap);
    }
}
