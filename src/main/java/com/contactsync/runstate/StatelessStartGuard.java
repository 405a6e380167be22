package com.contactsync.runstate;

import com.contactsync.config.RunMode;

import java.util.Optional;

/**
 * Decides whether a run may start without state. A target that already holds an earlier run's
 * data, or a retained checkpoint, means a migration is under way: starting over would redo weeks
 * of backfill (mode both, backfill) or silently miss the changes made while nothing ran (live).
 * So it takes {@code --fresh}, and mode live cannot start fresh at all.
 */
public final class StatelessStartGuard {

    private static final String RESNAPSHOT = "`./contactsync backfill request --all`";

    private final StateDirectory state;

    public StatelessStartGuard(StateDirectory state) {
        this.state = state;
    }

    /** The decision for a run of {@code mode} about to start without state, {@code fresh} if the user asked to. */
    public StartDecision check(RunMode mode, boolean fresh, TargetFootprint target) {
        Optional<RetainedCheckpoint> latest = state.latest();
        if (target.isEmpty() && latest.isEmpty()) {
            return StartDecision.allow("first run: " + target.target() + " holds " + target.describe()
                    + " and " + state.checkpoints() + " no checkpoint");
        }
        if (mode == RunMode.BACKFILL && latest.isEmpty()) {
            // Reads no changes, so it can miss none: a bounded re-read whose writes are idempotent.
            return StartDecision.allow("mode backfill without state: " + target.target() + " holds " + target.describe()
                    + "; every profile is read again and written idempotently (unchanged rows are not touched)");
        }
        String found = String.format("%s holds an earlier run's data (%s) and %s", target.target(), target.describe(),
                latest.map(c -> "the latest retained state is " + c).orElse("no checkpoint or savepoint is retained under "
                        + state.checkpoints() + " (was job.state-dir or job.name different?)"));
        String resume = latest.map(c -> "Resume from it: run again without --fresh (restores " + c.directory() + ").")
                .orElse("");
        if (mode == RunMode.LIVE) {
            return StartDecision.refuse(String.format("Refusing to start mode live without state: %s. A live run without state"
                    + " starts at the change topic's end, so every change made while no job ran would be missed silently. %s"
                    + " To start over, run `./contactsync run --mode both --fresh` (a full re-snapshot of every profile), or,"
                    + " while a job runs in mode both or live, request one with %s.", found, resume, RESNAPSHOT)
                    .replace("  ", " "));
        }
        if (!fresh) {
            return StartDecision.refuse(String.format("Refusing to start without state: %s. %s To start over on purpose, add"
                    + " --fresh: %s, idempotently overwriting the target%s.", found, resume,
                    mode == RunMode.BOTH ? "a full re-snapshot of every profile while changes are captured"
                            : "a full backfill of every profile",
                    latest.isPresent() ? ", and the retained state is moved aside" : "").replace("  ", " "));
        }
        return StartDecision.allow(String.format("--fresh: %s; starting over with %s.", found,
                mode == RunMode.BOTH ? "a full re-snapshot (backfill) of every profile" : "a full backfill of every profile"));
    }
}
