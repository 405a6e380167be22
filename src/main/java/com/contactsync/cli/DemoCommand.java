package com.contactsync.cli;

import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JobConfig;
import com.contactsync.embedded.EmbeddedPostgresServer;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.LoadReport;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.verify.ConsistencyVerifier;
import com.contactsync.verify.VerificationResult;
import com.contactsync.verify.VerifyOptions;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code demo}: the embedded default. Starts a real PostgreSQL, fills {@code profile} with
 * reproducible messy profiles, backfills them on a Flink MiniCluster, and proves the result with
 * the independent consistency check.
 */
@Command(name = "demo", description = "Embedded PostgreSQL + Flink MiniCluster: fill, backfill, verify, report.")
final class DemoCommand implements Callable<Integer> {

    @Option(names = "--profiles", defaultValue = "100000", description = "Profiles to generate (default ${DEFAULT-VALUE}).")
    long profiles;

    @Option(names = "--seed", defaultValue = "42", description = "Seed of the generated data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--parallelism", defaultValue = "2", description = "Flink parallelism (default ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--contacts-type", defaultValue = "text",
            description = "SQL type of the contacts column: text (can hold malformed JSON), json or jsonb.")
    String contactsType;

    @Option(names = "--report-json", description = "Write the summary as JSON to this file.")
    Path reportJson;

    @Override
    public Integer call() throws Exception {
        PrintStream out = System.out;
        try (EmbeddedPostgresServer postgres = EmbeddedPostgresServer.start()) {
            out.printf("embedded PostgreSQL on port %d (logical WAL, prepared transactions)%n", postgres.port());
            JobConfig config = ConfigLoader.fromMap(jobSettings(postgres));

            ProfileTableLoader loader = new ProfileTableLoader(config.source(), config.table(), ContactsColumnType.parse(contactsType));
            loader.createTableIfAbsent();
            LoadReport load = loader.load(new ProfileGenerator(seed, GeneratorSettings.defaults()), profiles, IdLayout.dense());
            out.printf("generated %,d messy profiles (seed %d) in %.1f s%n", load.rows(), seed, load.elapsed().toMillis() / 1000.0);

            double seconds = LocalRunner.run(config, profiles, out);
            long read = LocalMetrics.sum("profilesRead");

            out.println("verifying every profile against its JSON, independently of the job ...");
            VerificationResult verification = new ConsistencyVerifier(
                    config.source(), config.target(), config.table(), config.idColumn(),
                    config.contactsColumn(), config.countryColumn(), ContactSyncJob.normalizer(config))
                    .verify(VerifyOptions.defaults());
            out.println(verification);

            RunReport report = new RunReport()
                    .put("profiles_read", read)
                    .putStats(TargetTableStats.read(config.target()))
                    .put("seconds", Math.round(seconds * 10) / 10.0)
                    .put("profiles_per_second", Math.round(read / Math.max(seconds, 1e-3)))
                    .put("parallelism", parallelism)
                    .put("peak_rss_mib", PeakMemory.peakRssMiB())
                    .put("verify", Map.of("checked", verification.checked(), "mismatched", verification.mismatched()));
            report.print(out);
            if (reportJson != null) {
                report.writeJson(reportJson);
                out.println("report written to " + reportJson);
            }
            return verification.consistent() ? 0 : 2;
        }
    }

    private Map<String, String> jobSettings(EmbeddedPostgresServer postgres) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.jdbc-url", postgres.jdbcUrl());
        settings.put("source.user", postgres.user());
        settings.put("source.country-column", "country");
        settings.put("job.mode", "backfill");
        settings.put("job.parallelism", String.valueOf(parallelism));
        // Enough splits to keep every reader busy on a small table, capped for large ones.
        settings.put("backfill.split-rows", String.valueOf(Math.max(5_000, Math.min(100_000, profiles / (parallelism * 8L)))));
        settings.put("job.checkpoint-interval", "2s");
        return settings;
    }
}
