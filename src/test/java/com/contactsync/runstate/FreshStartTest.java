package com.contactsync.runstate;

import static com.contactsync.runstate.StateDirectoryTest.JOB_A;
import static com.contactsync.runstate.StateDirectoryTest.completed;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

/** --fresh says what it discards, and moves it aside (undoable) or deletes it. */
class FreshStartTest {

    private static final Clock NOW = Clock.fixed(Instant.parse("2026-12-05T10:11:12Z"), ZoneOffset.UTC);

    @TempDir
    Path stateDir;

    @Test
    void withoutStateThereIsNothingToDiscard() {
        FreshStart fresh = new FreshStart(StateDirectory.of(stateDir, "contactsync"), NOW);
        assertThat(fresh.describe()).contains("nothing to discard");
        assertThat(fresh.moveAside()).isNull();
        assertThat(fresh.delete()).isFalse();
    }

    @Test
    void describesThenMovesTheJobsStateAside() throws IOException {
        StateDirectory state = StateDirectory.of(stateDir, "contactsync");
        completed(state.checkpoints().resolve(JOB_A).resolve("chk-4"), 100);
        completed(state.savepoints().resolve("savepoint-012345-abcdef"), 200);
        FreshStart fresh = new FreshStart(state, NOW);

        assertThat(fresh.describe()).contains("discards 2 retained").contains("checkpoint 4 of job " + JOB_A)
                .contains("savepoint savepoint-012345-abcdef");
        Path aside = fresh.moveAside();

        assertThat(aside).isEqualTo(stateDir.resolve("contactsync.discarded-20261205T101112Z"));
        assertThat(aside.resolve(JOB_A).resolve("chk-4").resolve("_metadata")).exists();
        assertThat(state.latest()).isEmpty();
        // Moved back, it is found again: a mistaken --fresh can be undone.
        assertThat(StateDirectory.of(stateDir, "contactsync.discarded-20261205T101112Z").latest()).isPresent();
    }

    @Test
    void deleteRemovesTheJobsStateOnly() throws IOException {
        completed(StateDirectory.of(stateDir, "contactsync").checkpoints().resolve(JOB_A).resolve("chk-1"), 100);
        completed(StateDirectory.of(stateDir, "other").checkpoints().resolve(JOB_A).resolve("chk-1"), 100);

        assertThat(new FreshStart(StateDirectory.of(stateDir, "contactsync"), NOW).delete()).isTrue();

        assertThat(stateDir.resolve("contactsync")).doesNotExist();
        assertThat(StateDirectory.of(stateDir, "other").latest()).isPresent();
    }
}
