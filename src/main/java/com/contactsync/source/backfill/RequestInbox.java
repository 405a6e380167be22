package com.contactsync.source.backfill;

import org.apache.flink.api.connector.source.SplitEnumeratorContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The enumerator's side of the request table: polls it in the enumerator's worker thread (new
 * requests, cancellations) and writes progress reports back, never failing the job over it.
 * What the poll needs from the enumerator is handed over with {@link #observe}.
 */
final class RequestInbox {

    private static final Logger LOG = LoggerFactory.getLogger(RequestInbox.class);

    /** What one poll found. */
    record Poll(ResnapshotRequestTable.Fresh fresh, Set<Long> cancelled) {}

    private final SplitEnumeratorContext<IdRangeSplit> context;
    private final RequestPolling polling;
    // Written in the coordinator thread, read by the polling worker thread.
    private volatile long lastAccepted = BackfillEnumeratorState.NEVER_POLLED;
    private volatile List<Long> queued = List.of();

    RequestInbox(SplitEnumeratorContext<IdRangeSplit> context, RequestPolling polling) {
        this.context = context;
        this.polling = polling;
    }

    /** Polls every interval from now on; {@code onPoll} runs in the coordinator thread. */
    void start(Consumer<Poll> onPoll) {
        context.callAsync(this::poll, (poll, error) -> {
            if (error != null) {
                // The request table is a convenience: a failing poll must not stop the sync.
                LOG.warn("could not read re-snapshot requests from {} ({}); trying again", polling.table().table(), error.getMessage());
            } else {
                onPoll.accept(poll);
            }
        }, 0, polling.interval().toMillis());
    }

    /** What the next poll asks about: requests above {@code lastAcceptedId}, cancellations of {@code queuedIds}. */
    void observe(long lastAcceptedId, List<Long> queuedIds) {
        lastAccepted = lastAcceptedId;
        queued = List.copyOf(queuedIds);
    }

    /** Writes reports asynchronously; requests of the command line (ids below 1) have no row. */
    void report(List<ResnapshotRequestTable.Report> reports) {
        List<ResnapshotRequestTable.Report> rows = reports.stream().filter(r -> r.id() > 0).toList();
        if (rows.isEmpty()) {
            return;
        }
        context.callAsync(() -> {
            polling.table().report(rows);
            return null;
        }, (ignored, error) -> {
            if (error != null) {
                LOG.warn("could not report re-snapshot progress to {} ({})", polling.table().table(), error.getMessage());
            }
        });
    }

    private Poll poll() throws Exception {
        ResnapshotRequestTable table = polling.table();
        return new Poll(table.newRequests(lastAccepted), table.cancelled(queued));
    }
}
