package com.contactsync.runstate;

import static com.contactsync.runstate.StateDirectoryTest.JOB_A;
import static com.contactsync.runstate.StateDirectoryTest.completed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.config.RunMode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

/** A start without state is refused where a migration is under way, with the state to resume from and the remedy. */
class StatelessStartGuardTest {

    private static final TargetFootprint EMPTY = new TargetFootprint("postgres@jdbc:postgresql://db/app", List.of(), 0, null);
    private static final TargetFootprint EARLIER_RUN = new TargetFootprint("postgres@jdbc:postgresql://db/app",
            List.of("profile_email", "profile_phone"), 3, Instant.parse("2026-11-20T08:00:00Z"));

    @TempDir
    Path stateDir;

    @Test
    void aFirstRunStarts() {
        for (RunMode mode : RunMode.values()) {
            assertThat(guard().check(mode, false, EMPTY).allowed()).as(mode.name()).isTrue();
        }
    }

    @Test
    void anEarlierRunsDataRefusesAStartWithoutStateNamingTheCheckpointToResumeFrom() throws IOException {
        Path chk = stateDir.resolve("contactsync").resolve(JOB_A).resolve("chk-42");
        completed(chk, 100);

        StartDecision decision = guard().check(RunMode.BOTH, false, EARLIER_RUN);

        assertThat(decision.allowed()).isFalse();
        assertThat(decision.message())
                .contains("rows in profile_email, profile_phone")
                .contains("3 run(s) booked in contactsync_run, the last started 2026-11-20T08:00:00Z")
                .contains("checkpoint 42 of job " + JOB_A)
                .contains("restores " + chk)
                .contains("--fresh: a full re-snapshot of every profile");
        assertThatThrownBy(decision::orThrow).hasMessage(decision.message());
    }

    @Test
    void retainedStateAloneAlsoRefuses() throws IOException {
        completed(stateDir.resolve("contactsync").resolve(JOB_A).resolve("chk-1"), 100);
        assertThat(guard().check(RunMode.BACKFILL, false, EMPTY).message())
                .startsWith("Refusing to start without state").contains("a full backfill of every profile");
    }

    @Test
    void modeBackfillReadsNoChangesSoItMayReadEverythingAgain() {
        StartDecision decision = guard().check(RunMode.BACKFILL, false, EARLIER_RUN);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.message()).contains("read again and written idempotently");
    }

    @Test
    void dataWithoutAnyRetainedStateSaysWhereItLooked() {
        assertThat(guard().check(RunMode.BOTH, false, EARLIER_RUN).message())
                .contains("no checkpoint or savepoint is retained under " + stateDir.resolve("contactsync"))
                .contains("--fresh");
    }

    @Test
    void freshIsAFullResnapshotInModeBoth() {
        StartDecision decision = guard().check(RunMode.BOTH, true, EARLIER_RUN);
        assertThat(decision.allowed()).isTrue();
        assertThat(decision.orThrow()).contains("--fresh").contains("full re-snapshot");
    }

    @Test
    void modeLiveNeverStartsOverAndSaysHowToResnapshot() {
        for (boolean fresh : new boolean[] {false, true}) {
            StartDecision decision = guard().check(RunMode.LIVE, fresh, EARLIER_RUN);
            assertThat(decision.allowed()).isFalse();
            assertThat(decision.message())
                    .contains("missed silently")
                    .contains("./contactsync run --mode both --fresh")
                    .contains("./contactsync backfill request --all");
        }
    }

    private StatelessStartGuard guard() {
        return new StatelessStartGuard(StateDirectory.of(stateDir, "contactsync"));
    }
}
