package com.contactsync.runstate;

import java.nio.file.Path;
import java.time.Instant;

/**
 * A completed checkpoint or savepoint a job can be restored from: its directory holds Flink's
 * {@code _metadata}, written last, so its presence means the checkpoint completed.
 *
 * @param directory what to restore from ({@code -s} / {@code execution.state-recovery.path})
 * @param jobId the Flink job that wrote it; null for a savepoint
 * @param checkpointId the number in {@code chk-<n>}; -1 for a savepoint
 * @param completedAt when its {@code _metadata} was written
 */
public record RetainedCheckpoint(Kind kind, Path directory, String jobId, long checkpointId, Instant completedAt) {

    /** Where it came from. */
    public enum Kind {
        /** {@code <job dir>/<jobId>/chk-<n>}, retained on cancellation. */
        CHECKPOINT,
        /** {@code <job dir>/savepoints/savepoint-...}, e.g. from a stop with savepoint. */
        SAVEPOINT
    }

    @Override
    public String toString() {
        return kind == Kind.CHECKPOINT
                ? "checkpoint " + checkpointId + " of job " + jobId + " (" + completedAt + ", " + directory + ")"
                : "savepoint " + directory.getFileName() + " (" + completedAt + ", " + directory + ")";
    }
}
