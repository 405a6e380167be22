package com.contactsync.cli;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** {@code ./contactsync <args>} as a real child JVM (test classpath), its output going to a log file. */
final class CliProcess {

    private CliProcess() {}

    static Process start(Path log, List<String> args) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Xmx768m");
        command.add("-Dlog4j2.configurationFile=log4j2-test.xml");
        for (String pkg : List.of("java.lang", "java.util", "java.io", "java.net", "java.nio", "sun.nio.ch", "java.lang.reflect",
                "java.util.concurrent", "java.util.concurrent.atomic", "java.time", "java.text")) {
            command.add("--add-opens=java.base/" + pkg + "=ALL-UNNAMED");
        }
        command.add("-cp");
        command.add(testClasspath());
        command.add(ContactSyncCli.class.getName());
        command.addAll(args);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    /** target/test-classes, target/classes and the test scope's jars (written by the pom at test-compile). */
    private static String testClasspath() throws IOException {
        Path jars = Path.of("target", "test-classpath.txt");
        return String.join(File.pathSeparator, Path.of("target", "test-classes").toAbsolutePath().toString(),
                Path.of("target", "classes").toAbsolutePath().toString(), Files.readString(jars).trim());
    }
}
