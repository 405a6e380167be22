package com.contactsync.metrics;

import org.apache.flink.metrics.LogicalScopeProvider;
import org.apache.flink.metrics.MetricGroup;

import java.util.regex.Pattern;

/**
 * The names Flink's Prometheus reporter gives metrics, reimplemented because
 * org.apache.flink:flink-metrics-prometheus:2.0.2 does not resolve from Maven Central. The rule is
 * {@code AbstractPrometheusReporter} of Flink 2.0 ({@code getScopedName}, {@code replaceInvalidChars},
 * {@code SCOPE_PREFIX = "flink_"}, {@code SCOPE_SEPARATOR = '_'}): "flink_" + the group's logical
 * scope joined by '_' + '_' + the metric's name, every character outside [a-zA-Z0-9:_] replaced by
 * '_'; labels are the group's variables without their angle brackets, filtered the same way.
 */
final class PrometheusNames {

    private static final Pattern UNALLOWED = Pattern.compile("[^a-zA-Z0-9:_]");

    private PrometheusNames() {}

    static String metricName(MetricGroup group, String name) {
        return "flink_" + LogicalScopeProvider.castFrom(group).getLogicalScope(PrometheusNames::filter, '_')
                + "_" + filter(name);
    }

    /** {@code <operator_name>} → {@code operator_name}. */
    static String labelName(String variable) {
        return filter(variable.substring(1, variable.length() - 1));
    }

    /** Label values are filtered like names unless the reporter's filterLabelValueCharacters is off (it is on by default). */
    static String filter(String text) {
        return UNALLOWED.matcher(text).replaceAll("_");
    }
}
