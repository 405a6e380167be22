package com.contactsync.metrics;

import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Metric;
import org.apache.flink.metrics.MetricConfig;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.metrics.reporter.MetricReporter;
import org.apache.flink.metrics.reporter.MetricReporterFactory;

import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A metric reporter for a MiniCluster that records every metric the run registers under the name
 * Flink's Prometheus reporter would export it ({@link PrometheusNames}), with every label value it
 * carried; metrics removed when a task ends stay recorded.
 */
public final class PrometheusNameRecorder implements MetricReporter {

    /** Prometheus name → label name → values seen. */
    private static final Map<String, Map<String, Set<String>>> NAMES = new ConcurrentHashMap<>();
    /** Current gauges by Prometheus name, to wait for a state of the run. */
    private static final Map<String, Gauge<?>> GAUGES = new ConcurrentHashMap<>();

    static Map<String, Map<String, Set<String>>> names() {
        return new TreeMap<>(NAMES);
    }

    /** The current value of the (last registered) gauge with this Prometheus name, -1 when there is none. */
    static long gaugeValue(String prometheusName) {
        Gauge<?> gauge = GAUGES.get(prometheusName);
        return gauge != null && gauge.getValue() instanceof Number n ? n.longValue() : -1;
    }

    @Override
    public void open(MetricConfig config) {}

    @Override
    public void close() {}

    @Override
    public void notifyOfAddedMetric(Metric metric, String metricName, MetricGroup group) {
        String name = PrometheusNames.metricName(group, metricName);
        Map<String, Set<String>> labels = NAMES.computeIfAbsent(name, n -> new ConcurrentHashMap<>());
        group.getAllVariables().forEach((variable, value) -> labels
                .computeIfAbsent(PrometheusNames.labelName(variable), l -> ConcurrentHashMap.newKeySet())
                .add(PrometheusNames.filter(value)));
        if (metric instanceof Gauge<?> gauge) {
            GAUGES.put(name, gauge);
        }
    }

    @Override
    public void notifyOfRemovedMetric(Metric metric, String metricName, MetricGroup group) {
        GAUGES.remove(PrometheusNames.metricName(group, metricName), metric);
    }

    /** Named in the MiniCluster's configuration. */
    public static final class Factory implements MetricReporterFactory {
        @Override
        public MetricReporter createMetricReporter(Properties properties) {
            return new PrometheusNameRecorder();
        }
    }
}
