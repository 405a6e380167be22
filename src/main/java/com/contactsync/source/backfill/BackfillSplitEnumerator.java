package com.contactsync.source.backfill;

import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.util.FlinkRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/** Cuts the backfill into splits of a fixed row count, lazily and one ahead of the readers, and hands them out. */
final class BackfillSplitEnumerator implements SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillSplitEnumerator.class);

    // Database work runs in callAsync; fields are touched only in the coordinator thread.

    private final SplitEnumeratorContext<IdRangeSplit> context;
    private final SplitBoundaryFinder boundaries;
    private final String table;
    private final Deque<IdRangeSplit> unassigned;
    private final Set<Integer> waitingReaders = new LinkedHashSet<>();
    private final AtomicLong splitsAssigned = new AtomicLong();
    private final AtomicLong splitsFinished = new AtomicLong();

    private long cursor;
    private volatile long upperBound;
    private boolean upperBoundInitialised;
    // Volatile: also read by the metric reporter's thread (splitsCut, splitsTotal).
    private volatile int nextSplitNumber;
    private volatile long splitsTotal = -1;
    private boolean cutInFlight;
    private volatile boolean backfillDone;

    BackfillSplitEnumerator(SplitEnumeratorContext<IdRangeSplit> context, SplitBoundaryFinder boundaries,
            String table, BackfillEnumeratorState state) {
        this.context = context;
        this.boundaries = boundaries;
        this.table = table;
        this.cursor = state.cursor();
        this.upperBound = state.upperBound();
        this.upperBoundInitialised = state.upperBoundInitialised();
        this.nextSplitNumber = state.nextSplitNumber();
        this.unassigned = new ArrayDeque<>(state.unassigned());
        context.metricGroup().gauge("splitsAssigned", splitsAssigned::get);
        context.metricGroup().gauge("splitsFinished", splitsFinished::get);
        context.metricGroup().gauge("backfillUpperBound", () -> upperBound);
        // Kept in the enumerator state, so unlike splitsAssigned/splitsFinished these survive a restore.
        context.metricGroup().gauge("splitsCut", () -> (long) nextSplitNumber);
        // Splits are cut lazily by row count: the total is known once the last one is cut (-1 until then).
        context.metricGroup().gauge("splitsTotal", () -> splitsTotal);
        countSplitsWhenAllCut();
        // 1 once every split is cut and every assigned split was reported finished (since this
        // enumerator started): what the demo and operators watch to know the backfill is done.
        context.metricGroup().gauge("backfillDone", () -> backfillDone ? 1 : 0);
    }

    @Override
    public void start() {
        if (upperBoundInitialised) {
            LOG.info("Resuming backfill of {} at id {} of {}, {} splits waiting to be reassigned",
                    table, cursor, upperBound, unassigned.size());
        } else {
            LOG.info("Starting backfill of {}", table);
        }
        cutAhead();
    }

    @Override
    public void handleSplitRequest(int subtask, String requesterHostname) {
        waitingReaders.add(subtask);
        assignSplits();
    }

    @Override
    public void addSplitsBack(List<IdRangeSplit> splits, int subtask) {
        LOG.info("Reader {} handed back {} backfill splits; they will be reassigned", subtask, splits.size());
        for (int i = splits.size() - 1; i >= 0; i--) {
            unassigned.addFirst(splits.get(i));
        }
        assignSplits();
    }

    @Override
    public void addReader(int subtask) {
        // Readers ask for a split when they start and after each one they finish.
    }

    @Override
    public void handleSourceEvent(int subtask, SourceEvent event) {
        if (event instanceof SplitFinishedEvent finished) {
            splitsFinished.incrementAndGet();
            LOG.debug("Reader {} finished backfill split {}", subtask, finished.splitId());
            updateDone();
        }
    }

    @Override
    public BackfillEnumeratorState snapshotState(long checkpointId) {
        return new BackfillEnumeratorState(
                cursor, upperBound, List.copyOf(unassigned), nextSplitNumber, upperBoundInitialised);
    }

    @Override
    public void close() {
        // Nothing held open: every boundary query closes its own session.
    }

    private void assignSplits() {
        Iterator<Integer> readers = waitingReaders.iterator();
        while (readers.hasNext()) {
            int subtask = readers.next();
            if (!context.registeredReaders().containsKey(subtask)) {
                readers.remove(); // failed meanwhile; it asks again when it is back
            } else if (!unassigned.isEmpty()) {
                IdRangeSplit split = unassigned.pollFirst();
                context.assignSplit(split, subtask);
                splitsAssigned.incrementAndGet();
                LOG.debug("Assigned backfill split {} to reader {}", split, subtask);
                readers.remove();
            } else if (allSplitsCut()) {
                LOG.info("No backfill splits left for reader {}", subtask);
                context.signalNoMoreSplits(subtask);
                readers.remove();
                updateDone();
            } else {
                break;
            }
        }
        cutAhead();
    }

    private void countSplitsWhenAllCut() {
        if (allSplitsCut()) {
            splitsTotal = nextSplitNumber;
        }
    }

    private void updateDone() {
        countSplitsWhenAllCut();
        if (!backfillDone && allSplitsCut() && unassigned.isEmpty() && splitsFinished.get() >= splitsAssigned.get()) {
            backfillDone = true;
            LOG.info("Backfill of {} is done: every split up to id {} was read", table, upperBound);
        }
    }

    private boolean allSplitsCut() {
        return upperBoundInitialised && cursor >= upperBound;
    }

    /** Starts cutting the next split unless enough are cut to serve every waiting reader plus one. */
    private void cutAhead() {
        if (cutInFlight || allSplitsCut() || unassigned.size() > waitingReaders.size()) {
            return;
        }
        cutInFlight = true;
        if (!upperBoundInitialised) {
            context.callAsync(boundaries::tableBounds, this::onTableBounds);
            return;
        }
        long low = cursor;
        long high = upperBound;
        context.callAsync(() -> boundaries.splitEnd(low, high), (end, error) -> onSplitEnd(low, end, error));
    }

    private void onTableBounds(SplitBoundaryFinder.TableBounds range, Throwable error) {
        cutInFlight = false;
        if (error != null) {
            throw new FlinkRuntimeException("could not read the id range of " + table, error);
        }
        cursor = range.lowExclusive();
        upperBound = range.highInclusive();
        upperBoundInitialised = true;
        LOG.info("Backfill of {} covers ids ({}, {}]; rows inserted above {} are left to the live sync",
                table, cursor, upperBound, upperBound);
        assignSplits();
    }

    private void onSplitEnd(long low, Long end, Throwable error) {
        cutInFlight = false;
        if (error != null) {
            throw new FlinkRuntimeException("could not cut the backfill split after id " + low + " of " + table, error);
        }
        unassigned.addLast(IdRangeSplit.unread("split-" + nextSplitNumber++, low, end));
        cursor = end;
        if (allSplitsCut()) {
            LOG.info("All {} backfill splits of {} are cut", nextSplitNumber, table);
            countSplitsWhenAllCut();
        }
        assignSplits();
    }
}
