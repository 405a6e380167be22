package com.contactsync.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs Prometheus's promtool (Debian package prometheus; .ci/run installs it) and fails with its output. */
final class Promtool {

    private Promtool() {}

    /** The promtool on PATH; fails, saying how to get it, when there is none. */
    static Path executable() {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            Path candidate = Path.of(dir, "promtool");
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError("promtool is not on PATH: install it with `apt-get install prometheus` (Debian;"
                + " .ci/run does this) — the alert rules and their unit tests cannot be checked without it");
    }

    /** Runs {@code promtool args…} in the project directory; returns its output, fails unless it exits 0. */
    static String run(String... args) throws Exception {
        List<String> command = new ArrayList<>();
        command.add(executable().toString());
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
        assertThat(process.exitValue()).as(String.join(" ", command) + " exits 0; it said:\n" + output).isZero();
        return output;
    }
}
