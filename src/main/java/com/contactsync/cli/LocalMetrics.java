package com.contactsync.cli;

import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A metric reporter for runs on a MiniCluster in this JVM: it keeps the job's counters where the
 * progress line can read them. Counters of finished or failed tasks are kept, so a sum counts
 * every row read, re-reads after a restore included.
 */
public final class LocalMetrics implements MetricReporter {

    private static final Map<String, Counter> COUNTERS = new ConcurrentHashMap<>();
    private static final Map<String, Long> FINISHED = new ConcurrentHashMap<>();
    private static final Map<String, Gauge<?>> GAUGES = new ConcurrentHashMap<>();
    private static final Map<String, Histogram> HISTOGRAMS = new ConcurrentHashMap<>();

    /** Sum of every counter with this name over all subtasks and attempts. */
    public static long sum(String name) {
        long total = 0;
        for (Map.Entry<String, Counter> e : COUNTERS.entrySet()) {
            if (e.getKey().endsWith("." + name)) {
                total += e.getValue().getCount();
            }
        }
        for (Map.Entry<String, Long> e : FINISHED.entrySet()) {
            if (e.getKey().endsWith("." + name)) {
                total += e.getValue();
            }
        }
        return total;
    }

    /** The largest current value of the numeric gauges with this name, or -1 when there is none. */
    public static long gaugeMax(String name) {
        return gaugeMax(name, id -> true);
    }

    /** As {@link #gaugeMax(String)}, among the gauges whose scope names {@code jobName} (several jobs in one JVM). */
    public static long gaugeMax(String jobName, String name) {
        return gaugeMax(name, id -> id.contains("." + jobName + "."));
    }

    private static long gaugeMax(String name, java.util.function.Predicate<String> scope) {
        long max = -1;
        for (Map.Entry<String, Gauge<?>> e : GAUGES.entrySet()) {
            if (e.getKey().endsWith("." + name) && scope.test(e.getKey()) && e.getValue().getValue() instanceof Number value) {
                max = Math.max(max, value.longValue());
            }
        }
        return max;
    }

    /**
     * The largest q-quantile (0..1) among the live histograms with this name (one per subtask), or
     * -1 when there is none: an upper bound of the job's quantile, not a merge.
     */
    public static long histogramQuantileMax(String name, double q) {
        double max = -1;
        for (Map.Entry<String, Histogram> e : HISTOGRAMS.entrySet()) {
            if (e.getKey().endsWith("." + name) && e.getValue().getCount() > 0) {
                max = Math.max(max, e.getValue().getStatistics().getQuantile(q));
            }
        }
        return Math.round(max);
    }

    /** Forgets everything, e.g. between two runs in one JVM. */
    public static void reset() {
        COUNTERS.clear();
        FINISHED.clear();
        GAUGES.clear();
        HISTOGRAMS.clear();
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        if (metric instanceof Counter) {
            COUNTERS.put(group.getMetricIdentifier(metricName), (Counter) metric);
        } else if (metric instanceof Gauge) {
            GAUGES.put(group.getMetricIdentifier(metricName), (Gauge<?>) metric);
        } else if (metric instanceof Histogram histogram) {
            HISTOGRAMS.put(group.getMetricIdentifier(metricName), histogram);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        GAUGES.remove(group.getMetricIdentifier(metricName));
        HISTOGRAMS.remove(group.getMetricIdentifier(metricName));
        if (metric instanceof Counter) {
            String id = group.getMetricIdentifier(metricName);
            Counter removed = COUNTERS.remove(id);
            if (removed != null) {
                FINISHED.merge(id, removed.getCount(), Long::sum);
            }
        }
    }

    /** Creates the reporter; named in the local cluster configuration. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new LocalMetrics();
        }
    }
}
