package com.contactsync.verify;

import com.contactsync.config.SqlIdentifier;

import java.sql.SQLException;
import java.util.UUID;

/** A consistency check whose start, outcome and mismatches are kept in the {@code consistency_check} tables. */
public final class RecordedVerification {

    /** The run's id in {@code consistency_check} and what it found. */
    public record Outcome(UUID runId, VerificationResult result) {}

    private final ConsistencyVerifier verifier;
    private final ConsistencyCheckStore store;
    private final SqlIdentifier sourceTable;

    public RecordedVerification(ConsistencyVerifier verifier, ConsistencyCheckStore store, SqlIdentifier sourceTable) {
        this.verifier = verifier;
        this.store = store;
        this.sourceTable = sourceTable;
    }

    /** Runs the check; a run that fails is kept as FAILED with our own message (no contact values). */
    public Outcome run(VerifyOptions options) throws SQLException {
        UUID runId = store.start(sourceTable, options, verifier.normalization());
        VerificationResult result;
        try {
            result = verifier.verify(options);
        } catch (RuntimeException e) {
            store.fail(runId, e.getClass().getSimpleName() + ": " + e.getMessage());
            throw e;
        }
        store.finish(runId, result);
        return new Outcome(runId, result);
    }
}
