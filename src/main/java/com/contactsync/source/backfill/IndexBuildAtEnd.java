package com.contactsync.source.backfill;

import org.apache.flink.api.connector.source.SplitEnumeratorContext;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The enumerator's side of the {@link IndexBuild}: starts it once, off the coordinator thread, when
 * the initial backfill is cut through (its last splits still being read), and until it has finished
 * holds back the end of a bounded job, so that the job ends with its indexes (readers wait for a
 * split meanwhile, checkpoints go on, so the sink's last transactions commit and the concurrent
 * builds' waits for them end).
 */
final class IndexBuildAtEnd {

    private static final Logger LOG = LoggerFactory.getLogger(IndexBuildAtEnd.class);

    private enum Phase { WAITING, RUNNING, FINISHED }

    private final SplitEnumeratorContext<?> context;
    /** Null: nothing to build, nothing held back. */
    private final IndexBuild build;
    private Phase phase = Phase.WAITING;
    /** Its own thread, not callAsync's: the context's one worker thread also cuts splits and polls requests. */
    private ExecutorService thread;
    /** -1 until the first build has looked. */
    private volatile long missing = -1;

    IndexBuildAtEnd(SplitEnumeratorContext<?> context, IndexBuild build) {
        this.context = context;
        this.build = build;
        if (build != null) {
            context.metricGroup().gauge("secondaryIndexesMissing", () -> missing);
        }
    }

    /** Starts the build unless it ran already; {@code onFinished} runs on the coordinator thread after it. */
    void startOnce(Runnable onFinished) {
        if (build == null || phase != Phase.WAITING) {
            return;
        }
        phase = Phase.RUNNING;
        thread = Executors.newSingleThreadExecutor(task -> {
            Thread t = new Thread(task, "contactsync-deferred-index-build");
            t.setDaemon(true);
            return t;
        });
        thread.execute(() -> {
            long stillMissing = -1;
            try {
                stillMissing = build.buildMissing();
            } catch (InterruptedException e) {
                LOG.info("The deferred index build is abandoned: the enumerator is closing; the next start builds what is missing");
                return;
            } catch (Exception e) {
                // Never fail the job over an index: lookups are slower without it, not wrong.
                LOG.error("Could not build the deferred indexes of the target; the job goes on without them and its"
                        + " next start tries again", e);
            }
            long result = stillMissing;
            context.runInCoordinatorThread(() -> {
                missing = result;
                phase = Phase.FINISHED;
                onFinished.run();
            });
        });
        thread.shutdown(); // the one task runs to its end, then the thread goes
    }

    /** Whether a bounded job must not end yet. */
    boolean holdsBackTheEnd() {
        return build != null && phase != Phase.FINISHED;
    }

    /**
     * Stops waiting for a build still running: a statement under way ends in the database on its own
     * (an interrupted one leaves an INVALID index, which the next start rebuilds).
     */
    void close() {
        if (thread != null) {
            thread.shutdownNow();
        }
    }
}
