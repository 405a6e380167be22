package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.normalize.NormalizerSettings;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

/** {@code run}: the job on a local MiniCluster against the databases the config names. */
@Command(name = "run", description = "Run the job on a local Flink MiniCluster against any PostgreSQL (password from PGPASSWORD).")
final class RunCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Mixin
    WebUiOption webUi;

    @Option(names = "--mode", description = "backfill, live or both (overrides job.mode).")
    String mode;

    @Option(names = "--parallelism", description = "Overrides job.parallelism.")
    Integer parallelism;

    @Option(names = "--report-json", description = "Write the run's summary as JSON to this file.")
    Path reportJson;

    @Option(names = "--fresh", description = "Start over without state: says what retained state it discards and moves it"
            + " aside (mode both: a full re-snapshot; refused in mode live).")
    boolean fresh;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        putIfSet(overrides, "job.mode", mode);
        putIfSet(overrides, "job.parallelism", parallelism == null ? null : parallelism.toString());
        // Hook (issue 12): the CONTACTSYNC_* variables of a `./contactsync stack` env file are defaults under the flags.
        database.settings = StackDefaults.under(database.settings, System.getenv());
        JobConfig job = database.load(overrides);
        long estimate = SourceTableSize.estimate(job);
        long start = System.nanoTime();
        LocalRunner.LocalJob local = LocalRunner.startDurable(job, fresh, System.out);
        // Books the run in contactsync_run with the normalization (mapping) it applies, and samples its progress.
        try (ProgressRecorder recorder = ProgressRecorder.start(job.target(), job.mode().name().toLowerCase(java.util.Locale.ROOT),
                NormalizerSettings.from(job).fingerprint(), Duration.ofSeconds(5))) {
            if (!job.mode().isBounded()) {
                runUntilStopped(local, estimate);
                return 0;
            }
            LocalRunner.awaitEnd(local.client(), estimate, System.out, () -> {});
            recorder.finish(LocalMetrics.sum("profilesRead"), (System.nanoTime() - start) / 1e9);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        RunReport report = new RunReport()
                .put("resumed_from", local.resumedFrom().map(c -> c.directory().toString()).orElse(null))
                // This run's reads: a resumed run does not count what the run before it read.
                .put("profiles_read", LocalMetrics.sum("profilesRead"))
                .putStats(TargetTableStats.read(job.target()))
                .put("seconds", RunReport.tenths(seconds))
                .put("peak_rss_mib", PeakMemory.peakRssMiB());
        report.print(System.out);
        if (reportJson != null) {
            report.writeJson(reportJson);
        }
        return 0;
    }

    /** Live modes never end on their own: show progress until the job fails or the process is stopped. */
    private static void runUntilStopped(LocalRunner.LocalJob local, long estimate) throws Exception {
        ProgressLine progress = new ProgressLine(System.out, estimate,
                () -> String.format("change lag %,d ms", Math.max(0, LocalMetrics.gaugeMax("changeLagMillis"))));
        while (!local.client().getJobStatus().get().isGloballyTerminalState()) {
            Thread.sleep(LocalRunner.PROGRESS_INTERVAL.toMillis());
            progress.print();
        }
        local.client().getJobExecutionResult().get(); // throws the failure cause
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null) {
            map.put(key, value);
        }
    }
}
