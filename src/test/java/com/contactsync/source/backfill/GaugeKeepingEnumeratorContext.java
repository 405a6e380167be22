package com.contactsync.source.backfill;

import org.apache.flink.api.connector.source.mocks.MockSplitEnumeratorContext;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.groups.SplitEnumeratorMetricGroup;
import org.apache.flink.metrics.groups.UnregisteredMetricsGroup;

import java.util.HashMap;
import java.util.Map;

/** Flink's mock enumerator context (two readers) with a metric group that keeps the gauges registered on it. */
@SuppressWarnings("try") // close() is the mock's
final class GaugeKeepingEnumeratorContext extends MockSplitEnumeratorContext<IdRangeSplit> {

    private final Map<String, Gauge<?>> gauges = new HashMap<>();
    private final SplitEnumeratorMetricGroup metrics = new GaugeKeepingMetricGroup(gauges);

    GaugeKeepingEnumeratorContext() {
        super(2);
    }

    @Override
    public SplitEnumeratorMetricGroup metricGroup() {
        return metrics;
    }

    Object gauge(String name) {
        return gauges.get(name).getValue();
    }

    private static final class GaugeKeepingMetricGroup extends UnregisteredMetricsGroup
            implements SplitEnumeratorMetricGroup {

        private final Map<String, Gauge<?>> gauges;

        GaugeKeepingMetricGroup(Map<String, Gauge<?>> gauges) {
            this.gauges = gauges;
        }

        @Override
        public <T, G extends Gauge<T>> G gauge(String name, G gauge) {
            gauges.put(name, gauge);
            return gauge;
        }

        @Override
        public <G extends Gauge<Long>> G setUnassignedSplitsGauge(G gauge) {
            return gauge;
        }
    }
}
