package com.contactsync.cli;

import com.contactsync.source.backfill.ResnapshotRequestTable;
import com.contactsync.source.backfill.ResnapshotSelector;
import com.contactsync.verify.ConsistencyVerifier;
import com.contactsync.verify.VerificationResult;
import com.contactsync.verify.VerifyOptions;

import org.apache.flink.util.TimeUtils;

import java.io.PrintStream;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Optional;

/**
 * {@code verify --repair}: one re-snapshot request of exactly the mismatched profiles, served by the
 * running job (mode live or both), awaited until done and committed, then those profiles verified again.
 */
final class VerifyRepair {

    /** What the repair did; {@code after} is null when the request was not done in time. */
    record Outcome(long requested, long requestId, String requestStatus, VerificationResult after) {
        boolean repaired() {
            return after != null && after.consistent();
        }
    }

    /** A request still pending after this long (or the timeout, if shorter) suggests that no job in mode live/both reads the request table. */
    static final Duration PENDING_WARNING = Duration.ofSeconds(30);
    /**
     * The request is done when its rows went downstream; they are in the target once the next
     * checkpoint commits the sink's transactions, so the profiles are checked again for this long.
     */
    static final Duration COMMIT_WAIT = Duration.ofSeconds(30);
    private static final Duration POLL = Duration.ofMillis(500);

    private final ResnapshotRequestTable requests;
    private final ConsistencyVerifier verifier;
    private final Duration timeout;
    private final PrintStream out;

    VerifyRepair(ResnapshotRequestTable requests, ConsistencyVerifier verifier, Duration timeout, PrintStream out) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("--repair-timeout must be positive, e.g. 10m; got " + timeout);
        }
        this.requests = requests;
        this.verifier = verifier;
        this.timeout = timeout;
        this.out = out;
    }

    Outcome repair(VerificationResult before, VerifyOptions options) throws SQLException, InterruptedException {
        long[] ids = before.mismatchedIds();
        if (!before.allMismatchedIdsKept()) {
            out.printf("%,d profiles differ; repairing the %,d found first (ids kept per run): run verify --repair again"
                    + " for the rest, or ask for a full re-snapshot with: backfill request --all%n", before.mismatched(), ids.length);
        }
        long requestId = requests.submit(ResnapshotSelector.ids(idRanges(ids)));
        out.printf("re-snapshot request %d recorded for %,d profiles; waiting for the running job (mode live or both)%n",
                requestId, ids.length);
        String status = awaitDone(requestId);
        if (!ResnapshotRequestTable.DONE.equals(status)) {
            out.printf("request %d is %s after %s: not verified again. A request not cancelled stays recorded and the job"
                    + " serves it once it runs (see backfill status); then run verify again%n",
                    requestId, status, TimeUtils.formatWithHighestUnit(timeout));
            return new Outcome(ids.length, requestId, status, null);
        }
        VerificationResult after = verifyCommitted(ids, options);
        out.printf("repair: mismatched before %,d, after %,d (request %d, %,d profiles re-snapshot)%n",
                before.mismatched(), after.mismatched(), requestId, ids.length);
        return new Outcome(ids.length, requestId, status, after);
    }

    /** The request's final status, or its status when the timeout passed; cancelled counts as final. */
    private String awaitDone(long requestId) throws SQLException, InterruptedException {
        long started = System.nanoTime();
        Duration warnAfter = timeout.compareTo(PENDING_WARNING) < 0 ? timeout : PENDING_WARNING;
        boolean warned = false;
        while (true) {
            Optional<ResnapshotRequestTable.Row> row = requests.find(requestId);
            String status = row.map(ResnapshotRequestTable.Row::status)
                    .orElseThrow(() -> new IllegalStateException("re-snapshot request " + requestId + " is gone from "
                            + requests.table()));
            if (status.equals(ResnapshotRequestTable.DONE) || status.equals(ResnapshotRequestTable.CANCELLED)) {
                return status;
            }
            Duration waited = Duration.ofNanos(System.nanoTime() - started);
            if (!warned && status.equals(ResnapshotRequestTable.PENDING) && waited.compareTo(warnAfter) >= 0) {
                out.printf("request %d still pending after %d s: is the job running in mode live or both? (mode backfill"
                        + " does not read %s)%n", requestId, waited.toSeconds(), requests.table());
                warned = true;
            }
            if (waited.compareTo(timeout) > 0) {
                return status;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Verifies the profiles until they match or {@link #COMMIT_WAIT} has passed: done is not yet committed. */
    private VerificationResult verifyCommitted(long[] ids, VerifyOptions options) throws InterruptedException {
        long deadline = System.nanoTime() + COMMIT_WAIT.toNanos();
        while (true) {
            VerificationResult after = verifier.verifyIds(ids, options);
            if (after.consistent() || System.nanoTime() > deadline) {
                return after;
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Ascending ids as the merged ranges {@link ResnapshotSelector#ids(String)} reads, e.g. {@code 1-3,7-7}. */
    static String idRanges(long[] sortedIds) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < sortedIds.length; ) {
            int j = i;
            while (j + 1 < sortedIds.length && sortedIds[j + 1] <= sortedIds[j] + 1) {
                j++;
            }
            text.append(text.length() == 0 ? "" : ",").append(sortedIds[i]).append('-').append(sortedIds[j]);
            i = j + 1;
        }
        return text.toString();
    }
}
