package com.contactsync.source.backfill;

import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.metrics.Counter;

import java.util.Objects;

/**
 * A bounded source of every profile row up to the highest id present when the backfill started,
 * read in row-count splits by keyset pages; restores resume right after the last id emitted.
 */
public final class BackfillSource
        implements Source<ProfileEvent, IdRangeSplit, BackfillEnumeratorState>, ResultTypeQueryable<ProfileEvent> {

    private static final long serialVersionUID = 1L;

    private final BackfillSettings settings;
    private final LoadGuardSettings loadGuard;

    public BackfillSource(BackfillSettings settings) {
        this(settings, LoadGuardSettings.defaults());
    }

    public BackfillSource(BackfillSettings settings, LoadGuardSettings loadGuard) {
        this.settings = Objects.requireNonNull(settings, "backfill settings are required");
        this.loadGuard = Objects.requireNonNull(loadGuard, "load guard settings are required");
    }

    @Override
    public Boundedness getBoundedness() {
        return Boundedness.BOUNDED;
    }

    @Override
    public SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> createEnumerator(
            SplitEnumeratorContext<IdRangeSplit> context) {
        return restoreEnumerator(context, BackfillEnumeratorState.initial());
    }

    @Override
    public SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<IdRangeSplit> context, BackfillEnumeratorState state) {
        return new BackfillSplitEnumerator(context, new SplitBoundaryFinder(settings), settings.profileTable().table().toString(), state);
    }

    @Override
    public SourceReader<ProfileEvent, IdRangeSplit> createReader(SourceReaderContext context) {
        Counter profilesRead = context.metricGroup().counter("profilesRead");
        // One throttle per subtask: split readers come and go with their fetcher, the rate limit must not.
        SourceLoadGuard throttle = new SourceLoadGuard(
                settings.endpoint(), loadGuard, BackfillThrottle.perSecond(settings.maxRowsPerSecond()));
        context.metricGroup().gauge("backfillPaused", () -> throttle.paused() ? 1 : 0);
        context.metricGroup().gauge("backfillHeldBackMillis", throttle::heldBackMillis);
        return new BackfillSourceReader(
                () -> new BackfillSplitReader(settings, throttle),
                new BackfillRecordEmitter(profilesRead),
                context);
    }

    @Override
    public SimpleVersionedSerializer<IdRangeSplit> getSplitSerializer() {
        return new IdRangeSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<BackfillEnumeratorState> getEnumeratorCheckpointSerializer() {
        return new BackfillEnumeratorStateSerializer();
    }

    @Override
    public TypeInformation<ProfileEvent> getProducedType() {
        return TypeInformation.of(ProfileEvent.class);
    }
}
