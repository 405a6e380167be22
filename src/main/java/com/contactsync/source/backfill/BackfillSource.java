package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.source.ChangeLagBoard;
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
import org.apache.flink.runtime.metrics.scope.ScopeFormat;

import java.time.Duration;
import java.util.Objects;

/**
 * The snapshot reads of the profile table, in row-count splits by keyset pages, each row carrying
 * the MVCC snapshot it was read under; restores resume right after the last id emitted.
 *
 * <ul>
 *   <li>{@link #BackfillSource(BackfillSettings, LoadGuardSettings) bounded}: every row up to the
 *       highest id present when the backfill started (mode backfill);
 *   <li>{@link #bounded(BackfillSettings, LoadGuardSettings, ResnapshotSelector)}: the profiles of
 *       one selector (mode backfill with {@code --ids}/{@code --where});
 *   <li>{@link #continuous(BackfillSettings, LoadGuardSettings, RequestPolling, boolean)}: the
 *       initial backfill or none (modes both / live), then re-snapshot requests from the request
 *       table, picked up while running, one after another; never ends.
 * </ul>
 */
public final class BackfillSource
        implements Source<ProfileEvent, IdRangeSplit, BackfillEnumeratorState>, ResultTypeQueryable<ProfileEvent> {

    private static final long serialVersionUID = 1L;

    private final BackfillSettings settings;
    private final LoadGuardSettings loadGuard;
    /** Null: bounded. */
    private final RequestPolling polling;
    /** What a job started without state reads first: the whole table (null selector, initialBackfill), nothing, or a selector. */
    private final boolean initialBackfill;
    private final ResnapshotSelector selector;
    /** Null: re-snapshots do not look at the target (no drift repair). */
    private final JdbcEndpoint driftRepairTarget;
    /** Null: the backfill does not look at the change lag. */
    private final Duration maxChangeLag;
    /** Null: no indexes are left to the end of the initial backfill. */
    private final IndexBuild indexBuild;

    public BackfillSource(BackfillSettings settings) {
        this(settings, LoadGuardSettings.defaults());
    }

    public BackfillSource(BackfillSettings settings, LoadGuardSettings loadGuard) {
        this(settings, loadGuard, null, true, null, null, null, null);
    }

    private BackfillSource(BackfillSettings settings, LoadGuardSettings loadGuard, RequestPolling polling,
            boolean initialBackfill, ResnapshotSelector selector, JdbcEndpoint driftRepairTarget, Duration maxChangeLag,
            IndexBuild indexBuild) {
        this.driftRepairTarget = driftRepairTarget;
        this.maxChangeLag = maxChangeLag;
        this.indexBuild = indexBuild;
        this.settings = Objects.requireNonNull(settings, "backfill settings are required");
        this.loadGuard = Objects.requireNonNull(loadGuard, "load guard settings are required");
        this.polling = polling;
        this.initialBackfill = initialBackfill;
        this.selector = selector;
    }

    /** Mode backfill with a selector: reads the selected profiles, then ends. */
    public static BackfillSource bounded(BackfillSettings settings, LoadGuardSettings loadGuard, ResnapshotSelector selector) {
        return new BackfillSource(settings, loadGuard, null, false, Objects.requireNonNull(selector, "a selector is required"), null, null, null);
    }

    /**
     * Modes both ({@code initialBackfill} true) and live (false): after the initial backfill, if
     * any, idles until a request appears in the request table; unbounded.
     */
    public static BackfillSource continuous(BackfillSettings settings, LoadGuardSettings loadGuard, RequestPolling polling,
            boolean initialBackfill) {
        return new BackfillSource(settings, loadGuard, Objects.requireNonNull(polling, "request polling is required"),
                initialBackfill, null, null, null, null);
    }

    /**
     * This source, with drift repair: a re-snapshot of {@code --all}/{@code --ids} also emits an
     * "absent" row (under the page's snapshot) for each id of a page's key range that the target
     * holds and the source does not, so the sync removes it when the rule allows.
     */
    public BackfillSource repairingDriftIn(JdbcEndpoint target) {
        return new BackfillSource(settings, loadGuard, polling, initialBackfill, selector, Objects.requireNonNull(target),
                maxChangeLag, indexBuild);
    }

    /**
     * This source, yielding to the change stream: each reader holds back (between pages) while the
     * change lag the keyed operator measures is above {@code maxLag}; zero: never.
     */
    public BackfillSource yieldingToChangesAbove(Duration maxLag) {
        return new BackfillSource(settings, loadGuard, polling, initialBackfill, selector, driftRepairTarget,
                maxLag.isZero() ? null : maxLag, indexBuild);
    }

    /**
     * This source, building {@code build}'s indexes once the initial backfill is cut through (at the
     * start when it was before a restore); a bounded source ends only after the build.
     */
    public BackfillSource buildingIndexesAtEnd(IndexBuild build) {
        return new BackfillSource(settings, loadGuard, polling, initialBackfill, selector, driftRepairTarget,
                maxChangeLag, Objects.requireNonNull(build));
    }

    @Override
    public Boundedness getBoundedness() {
        return polling == null ? Boundedness.BOUNDED : Boundedness.CONTINUOUS_UNBOUNDED;
    }

    @Override
    public SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> createEnumerator(
            SplitEnumeratorContext<IdRangeSplit> context) {
        BackfillEnumeratorState initial = selector != null
                ? BackfillEnumeratorState.forSelector(selector)
                : initialBackfill ? BackfillEnumeratorState.initial() : BackfillEnumeratorState.withoutInitialBackfill();
        return restoreEnumerator(context, initial);
    }

    @Override
    public SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<IdRangeSplit> context, BackfillEnumeratorState state) {
        return new BackfillSplitEnumerator(context, new SplitBoundaryFinder(settings), settings.profileTable().table().toString(),
                state, polling, indexBuild);
    }

    @Override
    public SourceReader<ProfileEvent, IdRangeSplit> createReader(SourceReaderContext context) {
        Counter profilesRead = context.metricGroup().counter("profilesRead");
        // One throttle per subtask: split readers come and go with their fetcher, the rate limit must not.
        SourceLoadGuard guard = new SourceLoadGuard(
                settings.endpoint(), loadGuard, BackfillThrottle.perSecond(settings.maxRowsPerSecond()));
        context.metricGroup().gauge("backfillPaused", () -> guard.paused() ? 1 : 0);
        context.metricGroup().gauge("backfillHeldBackMillis", guard::heldBackMillis);
        BackfillThrottle throttle = maxChangeLag == null ? guard : yieldingToChanges(context, guard);
        return new BackfillSourceReader(
                () -> new BackfillSplitReader(settings, throttle, driftRepairTarget),
                new BackfillRecordEmitter(profilesRead),
                context);
    }

    private BackfillThrottle yieldingToChanges(SourceReaderContext context, BackfillThrottle guard) {
        String jobId = context.metricGroup().getAllVariables().get(ScopeFormat.SCOPE_JOB_ID);
        ChangeLagThrottle yielding = new ChangeLagThrottle(maxChangeLag, () -> ChangeLagBoard.currentLagMillis(jobId), guard);
        context.metricGroup().gauge("backfillYieldedToChangesMillis", yielding::yieldedMillis);
        return yielding;
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
