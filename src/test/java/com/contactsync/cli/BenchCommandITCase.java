package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./contactsync bench} at a small size: the reference runs before and after ContactSync, the
 * report lists each run, and {@code reference_seconds} and {@code ratio} are against their mean.
 */
class BenchCommandITCase {

    @TempDir
    Path dir;

    @Test
    void theRatioIsAgainstTheMeanOfTheReferenceRuns() throws Exception {
        Path reportFile = dir.resolve("bench.json");
        CliRun run = CliRun.of("bench", "--profiles", "10000", "--reference-runs", "2", "--report-json", reportFile.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("(a) in-database reference", "(b) ContactSync backfill", "(c) in-database reference again");
        JsonNode report = new ObjectMapper().readTree(reportFile.toFile());
        List<Double> runs = new ArrayList<>();
        report.get("reference_runs_seconds").forEach(seconds -> runs.add(seconds.asDouble()));
        assertThat(runs).hasSize(2).allSatisfy(seconds -> assertThat(seconds).isPositive());
        double mean = (runs.get(0) + runs.get(1)) / 2;
        double reference = report.get("reference_seconds").asDouble();
        assertThat(Math.abs(reference - mean)).isLessThanOrEqualTo(0.1); // each figure is rounded to a tenth
        double contactsync = report.get("contactsync_seconds").asDouble();
        assertThat(report.get("ratio").asDouble())
                .isBetween((contactsync - 0.05) / (reference + 0.1) - 0.01, (contactsync + 0.05) / (reference - 0.1) + 0.01);
        assertThat(report.get("rows_written").get("email").asLong()).isPositive();
        assertThat(report.get("reference_rows").get("email").asLong()).isPositive();
        assertThat(report.get("profiles_per_second").asLong()).isPositive();
    }
}
