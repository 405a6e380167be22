package com.contactsync.cli;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.EmbeddedStack;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * {@code stack}: the embedded PostgreSQL, Kafka broker and Debezium engine of the demo as
 * long-running services for {@code ./contactsync run} in another terminal. Writes where they
 * are to an env file once ready; SIGTERM or Ctrl-C stops them in order and removes the file.
 */
@Command(name = "stack", description = "Embedded PostgreSQL, Kafka and Debezium as services for `run` in another terminal, until Ctrl-C.")
final class StackCommand implements Callable<Integer> {

    @Option(names = "--profiles", defaultValue = "0", description = "Profiles to generate into `profile` (default ${DEFAULT-VALUE}: an empty table).")
    long profiles;

    @Option(names = "--env-file", defaultValue = "contactsync-stack.env",
            description = "Where to write the services' addresses (default ${DEFAULT-VALUE}, in the working directory).")
    Path envFile;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated profiles (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--partitions", defaultValue = "2", description = "Partitions of the change topic (default ${DEFAULT-VALUE}).")
    int partitions;

    @Option(names = "--contacts-type", defaultValue = "text", description = "SQL type of the contacts column: text, json or jsonb.")
    String contactsType;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        // The stack stops PostgreSQL itself, last: its own hook would stop it under Debezium's feet.
        EmbeddedStack stack = EmbeddedStack.start(this::fill, partitions, false);
        CountDownLatch stopped = new CountDownLatch(1);
        StackEnvFile[] written = new StackEnvFile[1];
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stop(stack, written[0], out);
            stopped.countDown();
        }, "contactsync-stack-stop"));
        Map<String, String> variables = StackEnvFile.variables(stack);
        written[0] = StackEnvFile.write(envFile, variables);
        out.printf("stack ready (pid %d): PostgreSQL %s user %s (any password), Kafka %s, topic %s, Debezium slot %s; %,d profiles%n",
                ProcessHandle.current().pid(), variables.get(StackEnvFile.JDBC_URL), variables.get("PGUSER"),
                variables.get(StackEnvFile.KAFKA), variables.get(StackEnvFile.TOPIC), stack.capture().slotName(), profiles);
        out.printf("in another terminal: set -a; . %s; set +a; ./contactsync run --mode both --set source.country-column=country%n",
                envFile);
        out.println("Ctrl-C (or kill " + ProcessHandle.current().pid() + ") stops the stack and removes " + envFile);
        while (!stopped.await(1, TimeUnit.SECONDS)) {
            Optional<Throwable> failure = stack.capture().failure();
            if (failure.isPresent()) {
                // Exiting runs the shutdown hook, which stops the rest.
                throw new IllegalStateException("change capture failed: " + failure.get().getMessage(), failure.get());
            }
        }
        return 0;
    }

    private void fill(JdbcEndpoint endpoint) {
        ProfileTableLoader loader = new ProfileTableLoader(endpoint, SqlIdentifier.of("profile"), ContactsColumnType.parse(contactsType));
        loader.createTableIfAbsent();
        if (profiles > 0) {
            loader.load(new ProfileGenerator(seed, GeneratorSettings.defaults()), profiles, IdLayout.dense());
        }
    }

    /** Env file first (nothing is pointed at what is stopping), then Debezium, Kafka and PostgreSQL, in that order. */
    private static void stop(EmbeddedStack stack, StackEnvFile envFile, PrintStream out) {
        out.println("stopping the stack ...");
        try {
            if (envFile != null) {
                envFile.remove();
            }
            stack.close();
            out.println("stack stopped: Debezium closed, Kafka and PostgreSQL shut down" + (envFile == null ? "" : ", " + envFile.path() + " removed"));
        } catch (Exception e) {
            out.println("stack stopped with an error: " + e);
        }
        out.flush();
    }
}
