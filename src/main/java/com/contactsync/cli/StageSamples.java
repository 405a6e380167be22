package com.contactsync.cli;

import com.contactsync.embedded.LatencyProbe;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where commit-to-visible goes, by stage, for {@code bench-latency}: capture (commit in the source
 * → appended to the topic, per probe), the job up to the keyed operator (commit → processed, the
 * {@code changeLag} histogram of every change), and the checkpoint that makes the rows visible (its
 * duration, sampled). What is left of the probes' end-to-end time is the wait for the next
 * checkpoint to start and the probe's polling.
 */
final class StageSamples {

    private static final long SAMPLE_EVERY_NANOS = 2_000_000_000L;

    private final List<Long> checkpointMillis = new ArrayList<>();
    private final List<Long> processedP50 = new ArrayList<>();
    private final List<Long> processedP99 = new ArrayList<>();
    private long lastCheckpointCount = -1;
    private long lastHistogramSample;

    /** Called often (every 200 ms): each completed checkpoint once, the lag histogram every 2 s. */
    void sample() {
        long completed = LocalMetrics.gaugeMax("numberOfCompletedCheckpoints");
        if (completed > lastCheckpointCount) {
            if (lastCheckpointCount >= 0) {
                checkpointMillis.add(LocalMetrics.gaugeMax("lastCheckpointDuration"));
            }
            lastCheckpointCount = completed;
        }
        long now = System.nanoTime();
        if (now - lastHistogramSample >= SAMPLE_EVERY_NANOS) {
            lastHistogramSample = now;
            long p50 = LocalMetrics.histogramQuantileMax("changeLag", 0.5);
            if (p50 >= 0) {
                processedP50.add(p50);
                processedP99.add(LocalMetrics.histogramQuantileMax("changeLag", 0.99));
            }
        }
    }

    Map<String, Object> report(LatencyProbe probe, Map<Long, Long> appendedAt) {
        List<Long> capture = new ArrayList<>();
        probe.committedAt().forEach((id, committed) -> {
            Long appended = appendedAt.get(id);
            if (appended != null) {
                capture.add(Math.max(0, appended - committed));
            }
        });
        Map<String, Object> stages = new LinkedHashMap<>();
        stages.put("capture_p50_ms", LatencyProbe.quantile(capture, 0.5));
        stages.put("capture_p99_ms", LatencyProbe.quantile(capture, 0.99));
        // Each sample is over the histogram's recent window: the median of the medians, the largest p99.
        stages.put("to_keyed_operator_p50_ms", LatencyProbe.quantile(processedP50, 0.5));
        stages.put("to_keyed_operator_p99_ms", LatencyProbe.quantile(processedP99, 1.0));
        stages.put("checkpoints", checkpointMillis.size());
        stages.put("checkpoint_duration_p50_ms", LatencyProbe.quantile(checkpointMillis, 0.5));
        stages.put("checkpoint_duration_p99_ms", LatencyProbe.quantile(checkpointMillis, 0.99));
        stages.put("visible_p50_ms", probe.percentile(0.5));
        stages.put("visible_p99_ms", probe.percentile(0.99));
        return stages;
    }
}
