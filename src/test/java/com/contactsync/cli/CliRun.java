package com.contactsync.cli;

import picocli.CommandLine;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Runs one {@code ./contactsync} command in this JVM and keeps its exit code and standard output. */
public record CliRun(int exitCode, String output) {

    public static CliRun of(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            int exit = new CommandLine(new ContactSyncCli()).execute(args);
            return new CliRun(exit, captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
            System.out.print(captured.toString(StandardCharsets.UTF_8)); // still shown in the test's log
        }
    }

    /** The flags naming a database for the tool commands, with no configuration file read. */
    public static List<String> database(com.contactsync.config.JdbcEndpoint db, java.nio.file.Path emptyConfig) {
        return new ArrayList<>(List.of("--config", emptyConfig.toString(), "--jdbc-url", db.url(), "--user", db.user(),
                "--set", "source.password-env=" + db.passwordEnv(), "--set", "source.country-column=country"));
    }
}
