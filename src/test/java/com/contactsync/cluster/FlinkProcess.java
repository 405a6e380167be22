package com.contactsync.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** One JVM of the test cluster (JobManager or TaskManager), its console written to a file under target/. */
final class FlinkProcess {

    /** What {@link Process#exitValue()} reports on Linux for a process ended by SIGKILL (128 + 9). */
    static final int SIGKILL_EXIT = 137;

    private final String name;
    private final Process process;
    private final Path console;

    private FlinkProcess(String name, Process process, Path console) {
        this.name = name;
        this.process = process;
        this.console = console;
    }

    static FlinkProcess start(String name, List<String> command, Path logDir) throws IOException {
        Path console = logDir.resolve(name + ".out");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(console.toFile()));
        // Deterministic: no password leaks in from the developer's shell (the test database trusts).
        builder.environment().remove("PGPASSWORD");
        return new FlinkProcess(name, builder.start(), console);
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path console() {
        return console;
    }

    /** SIGKILL (no shutdown hooks, no goodbye to the JobManager) and the exit code, once it is gone. */
    int kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException(name + " (pid " + pid() + ") survived SIGKILL for 30 s");
        }
        return process.exitValue();
    }

    @Override
    public String toString() {
        return name + " (pid " + pid() + (isAlive() ? ", running" : ", exited " + process.exitValue()) + ")";
    }
}
