package com.contactsync.source.backfill;

import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.util.FlinkRuntimeException;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cuts the backfill into splits of a fixed row count, lazily and one ahead of the readers, and
 * hands them out: first the initial backfill (unless the mode has none), then re-snapshot requests
 * one after another, each cut the same way over its id ranges. With request polling the enumerator
 * never ends: it looks for new requests (and cancellations) every poll interval.
 */
final class BackfillSplitEnumerator implements SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillSplitEnumerator.class);

    // Database work runs in callAsync; fields are touched only in the coordinator thread.

    private final SplitEnumeratorContext<IdRangeSplit> context;
    private final SplitBoundaryFinder boundaries;
    private final String table;
    /** Null: a bounded run, no request table. */
    private final RequestInbox inbox;
    private final Deque<IdRangeSplit> unassigned;
    private final Set<Integer> waitingReaders = new LinkedHashSet<>();
    private final AtomicLong splitsAssigned = new AtomicLong();
    private final AtomicLong splitsFinished = new AtomicLong();
    private final Deque<ResnapshotRequest> requests;
    private final IndexBuildAtEnd indexBuild;

    private long cursor;
    private volatile long upperBound;
    private boolean upperBoundInitialised;
    // Volatile: also read by the metric reporter's thread (splitsCut, splitsTotal).
    private volatile int nextSplitNumber;
    private volatile long splitsTotal = -1;
    private boolean cutInFlight;
    private volatile boolean backfillDone;
    private long lastAcceptedRequestId;
    private volatile long resnapshotRowsRead;
    private volatile int requestsPending;
    private volatile double activeProgress = 1;

    /** Bounded: the initial backfill (or the state's selector), no request table. */
    BackfillSplitEnumerator(SplitEnumeratorContext<IdRangeSplit> context, SplitBoundaryFinder boundaries,
            String table, BackfillEnumeratorState state) {
        this(context, boundaries, table, state, null);
    }

    /** @param polling where to look for requests (and never end), or null for a bounded run */
    BackfillSplitEnumerator(SplitEnumeratorContext<IdRangeSplit> context, SplitBoundaryFinder boundaries,
            String table, BackfillEnumeratorState state, RequestPolling polling) {
        this(context, boundaries, table, state, polling, null);
    }

    /** @param indexBuild run once the initial backfill is cut through (a bounded run ends after it), or null for none */
    BackfillSplitEnumerator(SplitEnumeratorContext<IdRangeSplit> context, SplitBoundaryFinder boundaries,
            String table, BackfillEnumeratorState state, RequestPolling polling, IndexBuild indexBuild) {
        this.context = context;
        this.indexBuild = new IndexBuildAtEnd(context, indexBuild);
        this.boundaries = boundaries;
        this.table = table;
        this.inbox = polling == null ? null : new RequestInbox(context, polling);
        this.cursor = state.cursor();
        this.upperBound = state.upperBound();
        this.upperBoundInitialised = state.upperBoundInitialised();
        this.nextSplitNumber = state.nextSplitNumber();
        this.unassigned = new ArrayDeque<>(state.unassigned());
        this.lastAcceptedRequestId = state.lastAcceptedRequestId();
        this.requests = new ArrayDeque<>(state.requests());
        this.resnapshotRowsRead = state.resnapshotRowsRead();
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
        // Re-snapshots (names fixed: the dashboard uses them).
        context.metricGroup().gauge("resnapshot_requests_pending", () -> requestsPending);
        context.metricGroup().gauge("resnapshot_profiles_read", () -> resnapshotRowsRead);
        context.metricGroup().gauge("resnapshot_progress", () -> activeProgress);
        updateRequestGauges();
    }

    @Override
    public void start() {
        if (!upperBoundInitialised) {
            LOG.info("Starting backfill of {}", table);
        } else if (!allSplitsCut()) {
            LOG.info("Resuming backfill of {} at id {} of {}, {} splits waiting to be reassigned",
                    table, cursor, upperBound, unassigned.size());
        }
        if (!requests.isEmpty()) {
            LOG.info("{} re-snapshot requests to run, first {}", requests.size(), requests.peekFirst());
        }
        if (inbox != null) {
            inbox.start(this::onPoll);
        }
        buildIndexesOnceAllSplitsAreCut(); // cut through before a restore: repairs what a crash left
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
            if (finished.requestId() != IdRangeSplit.INITIAL_BACKFILL) {
                for (ResnapshotRequest request : requests) {
                    if (request.id == finished.requestId()) {
                        request.finishedSpan = saturatedAdd(request.finishedSpan, finished.span());
                        request.rowsRead += finished.rows();
                        resnapshotRowsRead += finished.rows();
                    }
                }
                updateRequestGauges();
            }
            updateDone();
        }
    }

    @Override
    public BackfillEnumeratorState snapshotState(long checkpointId) {
        return new BackfillEnumeratorState(cursor, upperBound, List.copyOf(unassigned), nextSplitNumber,
                upperBoundInitialised, lastAcceptedRequestId, List.copyOf(requests), resnapshotRowsRead);
    }

    @Override
    public void close() {
        // Nothing else held open: every query closes its own session.
        indexBuild.close();
    }

    // ---- assignment ----

    private void assignSplits() {
        finishRequestIfDone();
        buildIndexesOnceAllSplitsAreCut();
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
            } else if (inbox == null && allSplitsCut() && requests.isEmpty() && !indexBuild.holdsBackTheEnd()) {
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

    /**
     * The running request is done when all its splits are cut and handed out and every reader is
     * idle, asking for work: then no reader holds one of its splits. This does not depend on
     * finished-split events, which a restore may lose.
     */
    private void finishRequestIfDone() {
        ResnapshotRequest head = requests.peekFirst();
        if (head == null || !head.allCut() || !unassigned.isEmpty() || !allReadersIdle()) {
            return;
        }
        requests.pollFirst();
        head.finishedSpan = Long.MAX_VALUE; // progress 1, whatever events were lost
        LOG.info("Re-snapshot {} is done: {} splits, {} profiles read", head, head.splitsCut, head.rowsRead);
        report(List.of(new ResnapshotRequestTable.Report(head.id, ResnapshotRequestTable.DONE, head.rowsRead, 1.0)));
        updateRequestGauges();
    }

    private boolean allReadersIdle() {
        int parallelism = context.currentParallelism();
        if (context.registeredReaders().size() < parallelism) {
            return false;
        }
        for (int subtask = 0; subtask < parallelism; subtask++) {
            if (!waitingReaders.contains(subtask)) {
                return false;
            }
        }
        return true;
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

    /**
     * Once the initial backfill is cut through, while the readers read its last splits: the concurrent
     * build's waits for the sink's open transactions (each ends at a checkpoint) then pass during that
     * tail instead of after it, and the rows written after the build's snapshot go into the index as
     * they are written or by its validation pass.
     */
    private void buildIndexesOnceAllSplitsAreCut() {
        if (allSplitsCut()) {
            indexBuild.startOnce(this::assignSplits);
        }
    }

    /** Whether the initial backfill is cut through (true from the start when the mode has none). */
    private boolean allSplitsCut() {
        return upperBoundInitialised && cursor >= upperBound;
    }

    // ---- cutting ----

    /** Starts cutting the next split unless enough are cut to serve every waiting reader plus one. */
    private void cutAhead() {
        if (cutInFlight || unassigned.size() > waitingReaders.size()) {
            return;
        }
        if (!upperBoundInitialised) {
            cutInFlight = true;
            context.callAsync(boundaries::tableBounds, this::onTableBounds);
        } else if (!allSplitsCut()) {
            cutInFlight = true;
            long low = cursor;
            long high = upperBound;
            context.callAsync(() -> boundaries.splitEnd(low, high), (end, error) -> onSplitEnd(low, end, error));
        } else if (!requests.isEmpty()) {
            cutRequest(requests.peekFirst());
        }
    }

    private void cutRequest(ResnapshotRequest request) {
        if (!request.reportedRunning) {
            request.reportedRunning = true;
            LOG.info("Re-snapshot {} starts", request);
            report(List.of(new ResnapshotRequestTable.Report(request.id, ResnapshotRequestTable.RUNNING, request.rowsRead, request.progress())));
        }
        if (!request.resolved()) {
            cutInFlight = true;
            context.callAsync(boundaries::tableBounds, (range, error) -> onRequestRange(request.id, range, error));
        } else if (!request.allCut()) {
            cutInFlight = true;
            long low = request.cursor;
            long high = request.currentRange().highInclusive();
            context.callAsync(() -> boundaries.splitEnd(low, high), (end, error) -> onRequestSplitEnd(request.id, low, end, error));
        } else {
            finishRequestIfDone();
        }
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

    private void onRequestRange(long requestId, SplitBoundaryFinder.TableBounds range, Throwable error) {
        cutInFlight = false;
        if (error != null) {
            throw new FlinkRuntimeException("could not read the id range of " + table + " for re-snapshot " + requestId, error);
        }
        ResnapshotRequest head = requests.peekFirst();
        if (head != null && head.id == requestId && !head.resolved()) {
            // Like the initial backfill, fixed at the start: rows inserted later come through the live sync.
            head.resolve(range.highInclusive() > range.lowExclusive()
                    ? List.of(new ResnapshotSelector.IdSpan(range.lowExclusive(), range.highInclusive()))
                    : List.of());
        }
        assignSplits();
    }

    private void onRequestSplitEnd(long requestId, long low, Long end, Throwable error) {
        cutInFlight = false;
        if (error != null) {
            throw new FlinkRuntimeException("could not cut a split after id " + low + " for re-snapshot " + requestId, error);
        }
        ResnapshotRequest head = requests.peekFirst();
        if (head != null && head.id == requestId && head.resolved() && !head.allCut() && head.cursor == low) {
            unassigned.addLast(IdRangeSplit.unread("r" + requestId + "-split-" + head.splitsCut, low, end, requestId,
                    head.selector.predicate()));
            head.cut(end);
        }
        assignSplits();
    }

    // ---- requests ----

    private void onPoll(RequestInbox.Poll poll) {
        for (long id : poll.cancelled()) {
            cancel(id);
        }
        for (ResnapshotRequest request : poll.fresh().requests()) {
            if (requests.stream().noneMatch(r -> r.id == request.id)) {
                requests.addLast(request);
                LOG.info("Accepted re-snapshot {}", request);
            }
            lastAcceptedRequestId = Math.max(lastAcceptedRequestId, request.id);
        }
        // From the first poll on, a request above this id is accepted whatever its status says.
        lastAcceptedRequestId = Math.max(lastAcceptedRequestId, poll.fresh().maxId());
        ResnapshotRequest head = requests.peekFirst();
        if (head != null && head.resolved()) {
            report(List.of(new ResnapshotRequestTable.Report(head.id, ResnapshotRequestTable.RUNNING, head.rowsRead, head.progress())));
        }
        updateRequestGauges();
        assignSplits();
    }

    private void cancel(long id) {
        boolean removed = requests.removeIf(r -> r.id == id);
        if (removed) {
            // Splits already with a reader are read to their end: harmless, the rule decides per row.
            unassigned.removeIf(split -> split.requestId() == id);
            LOG.info("Re-snapshot {} cancelled", id);
        }
    }

    private void updateRequestGauges() {
        requestsPending = requests.size();
        ResnapshotRequest head = requests.peekFirst();
        activeProgress = head == null ? 1 : head.progress();
        if (inbox != null) {
            List<Long> ids = new ArrayList<>();
            requests.forEach(r -> ids.add(r.id));
            inbox.observe(lastAcceptedRequestId, ids);
        }
    }

    private void report(List<ResnapshotRequestTable.Report> reports) {
        if (inbox != null) {
            inbox.report(reports);
        }
    }

    private static long saturatedAdd(long a, long b) {
        long sum = a + b;
        return sum < 0 ? Long.MAX_VALUE : sum;
    }
}
