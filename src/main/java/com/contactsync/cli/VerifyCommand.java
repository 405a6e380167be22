package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.sink.TargetSchema;
import com.contactsync.source.backfill.ResnapshotRequestTable;
import com.contactsync.verify.ConsistencyCheckStore;
import com.contactsync.verify.ConsistencyVerifier;
import com.contactsync.verify.Mismatch;
import com.contactsync.verify.RecordedVerification;
import com.contactsync.verify.VerificationResult;
import com.contactsync.verify.VerifyOptions;

import org.apache.flink.util.TimeUtils;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.ThreadLocalRandom;

/**
 * {@code verify}: the independent consistency check of the target tables against the source's
 * JSON, kept in {@code consistency_check}; exits with 2 when drift remains. With {@code --repair}
 * the mismatched profiles are re-snapshot by the running job and checked again ({@link VerifyRepair}).
 */
@Command(name = "verify", description = "Compare every (or a sample of) profile's contacts with its rows; non-zero exit on drift.")
final class VerifyCommand implements Callable<Integer> {

    static final int DRIFT_EXIT_CODE = 2;
    private static final int PRINTED_DETAILS = 20;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--sample", defaultValue = "1", description = "Share of profiles to check, in (0, 1] (default 1: all).")
    double sample;

    @Option(names = "--seed", description = "Seed of the sample (default: a random one, printed and stored).")
    Long seed;

    @Option(names = "--threads", defaultValue = "2", description = "Parallel id ranges (default ${DEFAULT-VALUE}).")
    int threads;

    @Option(names = "--grace-seconds", defaultValue = "2",
            description = "A differing profile is compared again after this long before it counts (default ${DEFAULT-VALUE}).")
    double graceSeconds;

    @Option(names = "--max-details", defaultValue = "1000",
            description = "Mismatches kept in detail, lowest profile ids first (default ${DEFAULT-VALUE}).")
    int maxDetails;

    @Option(names = "--report-json", description = "Write the outcome, with masked mismatch details, as JSON to this file.")
    Path reportJson;

    @Option(names = "--repair",
            description = "Ask the running job (mode live or both) to re-snapshot exactly the mismatched profiles, wait for it,"
                    + " verify them again and report before/after; exit 0 when none differs after.")
    boolean repair;

    @Option(names = "--repair-timeout", defaultValue = "10m",
            description = "How long --repair waits for its request to be done, e.g. 90s, 10m (default ${DEFAULT-VALUE}).")
    String repairTimeout;

    @Override
    public Integer call() throws Exception {
        JobConfig config = database.load();
        VerifyOptions options = VerifyOptions.defaults()
                .withThreads(threads)
                .withSample(sample, seed != null ? seed : ThreadLocalRandom.current().nextLong(1L << 48))
                .withMaxDetails(maxDetails)
                .withGracePeriod(Duration.ofMillis(Math.round(graceSeconds * 1000)));
        PrintStream out = System.out;
        // Built first: a bad --repair-timeout is refused before a long verification, not after it.
        VerifyRepair repairer = repair ? new VerifyRepair(ResnapshotRequestTable.from(config), verifier(config),
                TimeUtils.parseDuration(repairTimeout), out) : null;
        TargetSchema.migrate(config.target());
        RecordedVerification.Outcome outcome = recorded(config).run(options);
        VerificationResult result = outcome.result();
        out.println(result);
        result.details().stream().limit(PRINTED_DETAILS)
                .forEach(m -> out.printf("  profile %d %s %s: %s%n", m.profileId(), m.table(), m.kind(), m.detail()));
        long mismatches = result.countsByKind().values().stream().mapToLong(Long::longValue).sum();
        if (mismatches > PRINTED_DETAILS) {
            out.printf("  ... %,d mismatches in all, %,d kept in consistency_check_mismatch and the JSON report%n",
                    mismatches, result.details().size());
        }
        out.println("run " + outcome.runId() + " recorded in consistency_check");
        VerifyRepair.Outcome repaired = null;
        if (repairer != null && !result.consistent()) {
            repaired = repairer.repair(result, options);
        }
        if (reportJson != null) {
            RunReport report = report(outcome, options);
            if (repair) {
                report.put("repair", repairReport(repaired));
            }
            report.writeJson(reportJson);
            out.println("report written to " + reportJson);
        }
        boolean consistent = repaired != null ? repaired.repaired() : result.consistent();
        return consistent ? 0 : DRIFT_EXIT_CODE;
    }

    /** {@code repair} in the JSON report; {@code mismatched_after} is null when the request was not done in time. */
    private static Map<String, Object> repairReport(VerifyRepair.Outcome repaired) {
        Map<String, Object> item = new LinkedHashMap<>();
        if (repaired == null) { // consistent: nothing to repair
            item.put("requested", 0);
            item.put("request_id", null);
            item.put("request_status", null);
            item.put("mismatched_after", 0);
            return item;
        }
        item.put("requested", repaired.requested());
        item.put("request_id", repaired.requestId());
        item.put("request_status", repaired.requestStatus());
        item.put("mismatched_after", repaired.after() == null ? null : Long.valueOf(repaired.after().mismatched()));
        return item;
    }

    /** The checker of this configuration's tables, recording its runs in the target database. */
    static RecordedVerification recorded(JobConfig config) {
        return new RecordedVerification(verifier(config), new ConsistencyCheckStore(config.target()), config.profileTable().table());
    }

    private static ConsistencyVerifier verifier(JobConfig config) {
        return new ConsistencyVerifier(config.source(), config.target(), config.profileTable(),
                new ContactNormalizer(NormalizerSettings.from(config)));
    }

    private static RunReport report(RecordedVerification.Outcome outcome, VerifyOptions options) {
        VerificationResult result = outcome.result();
        Map<String, Long> counts = new TreeMap<>();
        result.countsByKind().forEach((kind, n) -> counts.put(kind.name(), n));
        List<Map<String, Object>> mismatches = new ArrayList<>();
        for (Mismatch m : result.details()) {
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("profile_id", m.profileId());
            item.put("table", m.table());
            item.put("kind", m.kind().name());
            item.put("detail", m.detail());
            mismatches.add(item);
        }
        return new RunReport()
                .put("run_id", outcome.runId().toString())
                .put("consistent", result.consistent())
                .put("checked", result.checked())
                .put("mismatched", result.mismatched())
                .put("rechecked", result.rechecked())
                .put("counts_by_kind", counts)
                .put("sample_fraction", options.sampleFraction())
                .put("sample_seed", options.sampleSeed())
                .put("threads", options.threads())
                .put("seconds", result.elapsed().toMillis() / 1000.0)
                .put("mismatches", mismatches);
    }
}
