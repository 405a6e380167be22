package com.contactsync.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** Watches a local checkpoint directory and remembers the largest completed checkpoint seen. */
public final class CheckpointSizes implements Runnable {

    private final Path directory;
    private volatile long largestBytes;

    public CheckpointSizes(Path directory) {
        this.directory = directory;
    }

    @Override
    public void run() {
        try (Stream<Path> checkpoints = Files.find(directory, 3, (path, attrs) -> attrs.isDirectory()
                && path.getFileName().toString().startsWith("chk-") && Files.exists(path.resolve("_metadata")))) {
            checkpoints.forEach(chk -> largestBytes = Math.max(largestBytes, size(chk)));
        } catch (IOException e) {
            throw new UncheckedIOException("could not read checkpoints under " + directory, e);
        }
    }

    public long largestBytes() {
        return largestBytes;
    }

    private static long size(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException | UncheckedIOException e) {
            return 0; // a checkpoint being discarded while we look
        }
    }
}
