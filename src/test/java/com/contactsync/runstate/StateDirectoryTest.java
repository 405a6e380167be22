package com.contactsync.runstate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

/** Finding the latest completed checkpoint or savepoint in Flink's directory layout. */
class StateDirectoryTest {

    static final String JOB_A = "0123456789abcdef0123456789abcdef";
    static final String JOB_B = "fedcba9876543210fedcba9876543210";

    @TempDir
    Path stateDir;

    @Test
    void noDirectoryMeansNoState() {
        assertThat(StateDirectory.of(stateDir, "contactsync").latest()).isEmpty();
    }

    @Test
    void theLatestCompletedCheckpointWinsAndIncompleteOnesAreIgnored() throws IOException {
        StateDirectory state = StateDirectory.of(stateDir, "contactsync");
        completed(state.checkpoints().resolve(JOB_A).resolve("chk-7"), 100);
        completed(state.checkpoints().resolve(JOB_A).resolve("chk-8"), 200);
        Files.createDirectories(state.checkpoints().resolve(JOB_A).resolve("chk-9")); // in progress or failed: no _metadata
        Files.createDirectories(state.checkpoints().resolve(JOB_A).resolve("shared"));

        assertThat(state.latest()).get().satisfies(latest -> {
            assertThat(latest.kind()).isEqualTo(RetainedCheckpoint.Kind.CHECKPOINT);
            assertThat(latest.jobId()).isEqualTo(JOB_A);
            assertThat(latest.checkpointId()).isEqualTo(8);
            assertThat(latest.directory()).isEqualTo(state.checkpoints().resolve(JOB_A).resolve("chk-8"));
        });
        assertThat(state.retained()).extracting(RetainedCheckpoint::checkpointId).containsExactly(7L, 8L);
    }

    @Test
    void aRestoredJobsNewerCheckpointAndSavepointsCountByCompletionTime() throws IOException {
        StateDirectory state = StateDirectory.of(stateDir, "contactsync");
        completed(state.checkpoints().resolve(JOB_B).resolve("chk-12"), 100);
        completed(state.checkpoints().resolve(JOB_A).resolve("chk-3"), 300); // a newer job id restored from an older one
        completed(state.savepoints().resolve("savepoint-fedcba-1a2b3c4d5e6f"), 200);

        assertThat(state.retained()).extracting(RetainedCheckpoint::kind).containsExactly(
                RetainedCheckpoint.Kind.CHECKPOINT, RetainedCheckpoint.Kind.SAVEPOINT, RetainedCheckpoint.Kind.CHECKPOINT);
        assertThat(state.latest()).get().extracting(RetainedCheckpoint::jobId).isEqualTo(JOB_A);

        completed(state.savepoints().resolve("savepoint-0123ab-000000000000"), 400);
        assertThat(state.latest()).get().satisfies(latest -> {
            assertThat(latest.kind()).isEqualTo(RetainedCheckpoint.Kind.SAVEPOINT);
            assertThat(latest.toString()).startsWith("savepoint savepoint-0123ab-000000000000");
        });
    }

    @Test
    void otherJobNamesAreNotLookedAt() throws IOException {
        completed(stateDir.resolve("other-job").resolve(JOB_A).resolve("chk-1"), 100);
        assertThat(StateDirectory.of(stateDir, "contactsync").latest()).isEmpty();
        assertThatThrownBy(() -> StateDirectory.of(stateDir, "../escape")).hasMessageContaining("job name");
    }

    /** A checkpoint directory whose _metadata was written at {@code second}. */
    static void completed(Path checkpoint, long second) throws IOException {
        Files.createDirectories(checkpoint);
        Path metadata = Files.write(checkpoint.resolve("_metadata"), new byte[] {1});
        Files.setLastModifiedTime(metadata, FileTime.from(Instant.ofEpochSecond(1_700_000_000L + second)));
    }
}
