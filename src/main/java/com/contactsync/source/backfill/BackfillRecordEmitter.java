package com.contactsync.source.backfill;

import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.connector.source.SourceOutput;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.metrics.Counter;

/**
 * Emits a row downstream and moves its split's position to it in the same call, so a checkpoint
 * always holds exactly the last id emitted.
 */
final class BackfillRecordEmitter implements RecordEmitter<ProfileEvent, ProfileEvent, IdRangeSplitState> {

    private final Counter profilesRead;

    BackfillRecordEmitter(Counter profilesRead) {
        this.profilesRead = profilesRead;
    }

    @Override
    public void emitRecord(ProfileEvent event, SourceOutput<ProfileEvent> output, IdRangeSplitState split) {
        output.collect(event);
        split.emitted(event.profileId);
        profilesRead.inc();
    }
}
