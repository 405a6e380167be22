package com.contactsync.cli;

import com.contactsync.embedded.EmbeddedStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The shell-sourceable file in which {@code ./contactsync stack} says where its services are
 * ({@code set -a; . contactsync-stack.env; set +a}); written once they are ready, removed when they stop.
 */
final class StackEnvFile {

    static final Path DEFAULT = Path.of("contactsync-stack.env");
    static final String JDBC_URL = "CONTACTSYNC_JDBC_URL";
    static final String KAFKA = "CONTACTSYNC_KAFKA";
    static final String TOPIC = "CONTACTSYNC_TOPIC";
    static final String PID = "CONTACTSYNC_STACK_PID";
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_@%+=:,./-]*");

    private final Path path;

    private StackEnvFile(Path path) {
        this.path = path;
    }

    /** The variables that point {@code run} (and psql) at the stack. */
    static Map<String, String> variables(EmbeddedStack stack) {
        int port = stack.postgres().port();
        Map<String, String> vars = new LinkedHashMap<>();
        vars.put(JDBC_URL, "jdbc:postgresql://127.0.0.1:" + port + "/postgres");
        vars.put("PGUSER", stack.endpoint().user());
        // Trust authentication on loopback: the server takes any password, including none.
        vars.put("PGPASSWORD", "");
        vars.put("PGHOST", "127.0.0.1");
        vars.put("PGPORT", String.valueOf(port));
        vars.put("PGDATABASE", "postgres");
        vars.put(KAFKA, stack.kafka().bootstrapServers());
        vars.put(TOPIC, stack.capture().topic());
        vars.put(PID, String.valueOf(ProcessHandle.current().pid()));
        return vars;
    }

    /** Writes the file whole (a reader never sees half of it) and returns it. */
    static StackEnvFile write(Path path, Map<String, String> variables) throws IOException {
        StringBuilder text = new StringBuilder()
                .append("# Written by `./contactsync stack` at ").append(Instant.now())
                .append("; removed when it stops. Use: set -a; . ").append(path).append("; set +a\n");
        variables.forEach((name, value) -> text.append(name).append('=').append(quoted(value)).append('\n'));
        Path absolute = path.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path partial = absolute.resolveSibling(absolute.getFileName() + ".partial");
        Files.writeString(partial, text, StandardCharsets.UTF_8);
        Files.move(partial, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return new StackEnvFile(path);
    }

    Path path() {
        return path;
    }

    /** Removes the file, so nothing is pointed at services that are gone; true if it was there. */
    boolean remove() throws IOException {
        return Files.deleteIfExists(path);
    }

    private static String quoted(String value) {
        return PLAIN.matcher(value).matches() ? value : "'" + value.replace("'", "'\\''") + "'";
    }
}
