package com.contactsync.cli;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JobConfig;
import com.contactsync.embedded.EmbeddedPostgresServer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.sink.TargetSchema;
import com.contactsync.verify.RecordedVerification;
import com.contactsync.verify.VerifyOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/**
 * {@code serve-demo-db}: an embedded PostgreSQL holding a finished demo — generated profiles,
 * their backfill with progress samples, and verification runs — kept running for the notebooks
 * (and people) to read until the process is stopped. The libpq DSN is written to a file once
 * everything is in place, so a script can wait for that file.
 */
@Command(name = "serve-demo-db",
        description = "Embedded PostgreSQL with backfilled, verified demo data; writes its DSN to a file and runs until stopped.")
final class DemoDatabaseCommand implements Callable<Integer> {

    @Option(names = "--profiles", defaultValue = "20000", description = "Profiles to generate (default ${DEFAULT-VALUE}).")
    long profiles;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--api-shapes", defaultValue = "0.2",
            description = "Weight of each opt-in API shape (Google People, Graph, HubSpot ...) among the default layouts'"
                    + " 100, so the quality report has contacts outside the mapping to show; 0 = none (default ${DEFAULT-VALUE}).")
    double apiShapes;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--dsn-file", required = true, description = "Where to write the libpq DSN once the data is ready.")
    Path dsnFile;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            deleteQuietly(dsnFile);
            postgres.close();
            stopped.countDown();
        }, "serve-demo-db-stop"));
        out.printf("embedded PostgreSQL on port %d%n", postgres.port());
        JobConfig config = ConfigLoader.fromMap(settings(postgres));

        ProfileTableLoader loader = new ProfileTableLoader(config.source(), config.profileTable().table(), ContactsColumnType.TEXT);
        loader.createTableIfAbsent();
        GeneratorSettings generated = apiShapes > 0 ? GeneratorSettings.defaults().withApiShapes(apiShapes) : GeneratorSettings.defaults();
        loader.load(new ProfileGenerator(seed, generated), profiles, IdLayout.sparse(seed, 0.1, 20));
        TargetSchema.migrate(config.target());
        try (ProgressRecorder recorder = ProgressRecorder.start(config.target(), config.mode().name().toLowerCase(java.util.Locale.ROOT),
                NormalizerSettings.from(config).fingerprint(), Duration.ofSeconds(1))) {
            double seconds = LocalRunner.run(config, profiles, out);
            recorder.finish(LocalMetrics.sum("profilesRead"), seconds);
        }

        RecordedVerification verification = VerifyCommand.recorded(config);
        out.println("full check: " + verification.run(VerifyOptions.defaults()).result());
        out.println("10% sample: " + verification.run(VerifyOptions.defaults().withSample(0.1, seed)).result());

        String dsn = "postgresql://" + postgres.user() + "@127.0.0.1:" + postgres.port() + "/" + EmbeddedPostgresServer.DATABASE;
        writeAtomically(dsnFile, dsn);
        out.println("DSN written to " + dsnFile + "; serving until stopped (Ctrl-C or SIGTERM)");
        out.flush();
        stopped.await();
        return 0;
    }

    private Map<String, String> settings(EmbeddedPostgresServer postgres) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.jdbc-url", postgres.jdbcUrl());
        settings.put("source.user", postgres.user());
        settings.put("source.country-column", "country");
        settings.put("job.mode", "backfill");
        settings.put("job.parallelism", String.valueOf(parallelism));
        settings.put("backfill.split-rows", String.valueOf(Math.max(1_000, profiles / (parallelism * 8L))));
        // Slow enough for the progress notebook to see the backfill move: a sample a second.
        settings.put("backfill.max-rows-per-second", String.valueOf(Math.max(1_000, profiles / (parallelism * 8L))));
        settings.put("job.checkpoint-interval", "1s");
        return settings;
    }

    /** Readers never see a half-written file: they wait for it to appear. */
    private static void writeAtomically(Path file, String text) throws java.io.IOException {
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() != null) {
            Files.createDirectories(absolute.getParent());
        }
        Path temporary = absolute.resolveSibling(absolute.getFileName() + ".tmp");
        Files.writeString(temporary, text + System.lineSeparator());
        Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (java.io.IOException ignored) {
            // the file names a server that is gone either way
        }
    }
}
