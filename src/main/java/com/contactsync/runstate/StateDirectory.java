package com.contactsync.runstate;

import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The state a job name keeps under {@code job.state-dir} (default {@value #DEFAULT}): one
 * subdirectory per job name, holding Flink's checkpoint layout {@code <jobId>/chk-<n>/_metadata}
 * (the job's checkpoint directory) and savepoints under {@code savepoints/}.
 */
public final class StateDirectory {

    public static final String DEFAULT = "./contactsync-state";
    public static final String SAVEPOINTS = "savepoints";
    static final String METADATA = "_metadata";
    private static final Pattern CHECKPOINT = Pattern.compile("chk-(\\d+)");
    private static final Pattern JOB_ID = Pattern.compile("[0-9a-f]{32}");

    private final Path jobDirectory;

    private StateDirectory(Path jobDirectory) {
        this.jobDirectory = jobDirectory;
    }

    /** The state of {@code jobName} under {@code stateDir}. */
    public static StateDirectory of(Path stateDir, String jobName) {
        if (jobName == null || jobName.isBlank() || jobName.contains("/") || jobName.contains("..")) {
            throw new IllegalArgumentException("a job name usable as a directory name is required, got '" + jobName + "'");
        }
        return new StateDirectory(stateDir.resolve(jobName));
    }

    /** Where the job's checkpoints go (Flink adds {@code <jobId>/chk-<n>}): {@code execution.checkpointing.dir}. */
    public Path checkpoints() {
        return jobDirectory;
    }

    /** Where savepoints of the job are taken to. */
    public Path savepoints() {
        return jobDirectory.resolve(SAVEPOINTS);
    }

    /**
     * The Flink settings that keep the job's state here: checkpoints and savepoints in this
     * directory, checkpoints retained when the job is cancelled or its process stops.
     */
    public Configuration flinkSettings() {
        Configuration conf = new Configuration();
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpoints().toAbsolutePath().toUri().toString());
        conf.set(CheckpointingOptions.SAVEPOINT_DIRECTORY, savepoints().toAbsolutePath().toUri().toString());
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        return conf;
    }

    /** Every completed checkpoint and savepoint, oldest first; incomplete ones (no {@code _metadata}) are left out. */
    public List<RetainedCheckpoint> retained() {
        List<RetainedCheckpoint> found = new ArrayList<>();
        for (Path job : children(jobDirectory)) {
            String name = job.getFileName().toString();
            if (!JOB_ID.matcher(name).matches()) {
                continue;
            }
            for (Path chk : children(job)) {
                Matcher m = CHECKPOINT.matcher(chk.getFileName().toString());
                completedAt(chk).filter(t -> m.matches()).ifPresent(t -> found.add(new RetainedCheckpoint(
                        RetainedCheckpoint.Kind.CHECKPOINT, chk, name, Long.parseLong(m.group(1)), t.toInstant())));
            }
        }
        for (Path savepoint : children(savepoints())) {
            completedAt(savepoint).ifPresent(t -> found.add(new RetainedCheckpoint(
                    RetainedCheckpoint.Kind.SAVEPOINT, savepoint, null, -1, t.toInstant())));
        }
        // A restored job gets a new job id and numbers its checkpoints anew: time orders across jobs, the number within one.
        found.sort(Comparator.comparing(RetainedCheckpoint::completedAt).thenComparingLong(RetainedCheckpoint::checkpointId));
        return found;
    }

    /** The latest completed checkpoint or savepoint: what a resumed run restores from. */
    public Optional<RetainedCheckpoint> latest() {
        List<RetainedCheckpoint> all = retained();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    private static Optional<FileTime> completedAt(Path dir) {
        Path metadata = dir.resolve(METADATA);
        try {
            return Files.isRegularFile(metadata) ? Optional.of(Files.getLastModifiedTime(metadata)) : Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + metadata, e);
        }
    }

    private static List<Path> children(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.filter(Files::isDirectory).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("could not list " + dir, e);
        }
    }
}
