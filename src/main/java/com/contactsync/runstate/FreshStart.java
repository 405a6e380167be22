package com.contactsync.runstate;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code --fresh} discards: the retained checkpoints and savepoints of the job name. Moved
 * aside ({@code <job>.discarded-<UTC time>}) by default, so a mistaken {@code --fresh} can be undone
 * by moving the directory back; or deleted.
 */
public final class FreshStart {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final StateDirectory state;
    private final Clock clock;

    public FreshStart(StateDirectory state) {
        this(state, Clock.systemUTC());
    }

    FreshStart(StateDirectory state, Clock clock) {
        this.state = state;
        this.clock = clock;
    }

    /** One line per discarded checkpoint or savepoint, or that there is nothing to discard. */
    public String describe() {
        List<RetainedCheckpoint> retained = state.retained();
        if (retained.isEmpty()) {
            return "--fresh: no retained checkpoint or savepoint under " + state.checkpoints() + ": nothing to discard";
        }
        StringBuilder text = new StringBuilder(String.format("--fresh discards %d retained checkpoint(s)/savepoint(s) under %s"
                + " (the job will start without state; the latest is what a resumed run would restore):%n",
                retained.size(), state.checkpoints()));
        for (RetainedCheckpoint r : retained) {
            text.append("  ").append(r).append(System.lineSeparator());
        }
        return text.toString().stripTrailing();
    }

    /** Renames the job's state directory aside; returns where it went, or null when there was none. */
    public Path moveAside() {
        Path dir = state.checkpoints();
        if (!Files.exists(dir)) {
            return null;
        }
        Path target = dir.resolveSibling(dir.getFileName() + ".discarded-" + STAMP.format(clock.instant()));
        try {
            return Files.move(dir, target);
        } catch (IOException e) {
            throw new UncheckedIOException("could not move " + dir + " aside to " + target, e);
        }
    }

    /** Deletes the job's state directory; returns whether there was one. */
    public boolean delete() {
        Path dir = state.checkpoints();
        if (!Files.exists(dir)) {
            return false;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
            return true;
        } catch (IOException e) {
            throw new UncheckedIOException("could not delete " + dir, e);
        }
    }
}
