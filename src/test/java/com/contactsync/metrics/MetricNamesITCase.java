package com.contactsync.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.normalize.QualityCode;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Every metric the Grafana dashboard and the alert rules query is one the job registers, under the
 * name Flink's Prometheus reporter gives it, as seen in a real run ({@link RegisteredMetrics}); or it
 * is explicitly planned ({@link PlannedMetric}) and not registered yet. No allow-list is needed for
 * Flink's own metrics (numRestarts, lastCheckpointDuration, backPressuredTimeMsPerSecond, …): the
 * run registers them too. target/metric-names.txt keeps the inventory of the run.
 */
class MetricNamesITCase {

    @RegisterExtension
    static final MiniClusterExtension FLINK = RegisteredMetrics.miniCluster();

    private static Map<String, Map<String, Set<String>>> registered;

    /** One real run for all tests, started from the first one: the extension routes jobs to its cluster only inside tests. */
    private static synchronized Map<String, Map<String, Set<String>>> registered() throws Exception {
        if (registered == null) {
            registered = RegisteredMetrics.ofARealRun();
        }
        return registered;
    }

    private static final Set<String> PLANNED =
            Arrays.stream(PlannedMetric.values()).map(PlannedMetric::prometheusName).collect(Collectors.toSet());

    @Test
    void everyMetricTheDashboardAndTheAlertsQueryIsRegisteredOrPlanned() throws Exception {
        List<String> unknown = new ArrayList<>();
        for (Map.Entry<String, String> query : QueriedMetrics.all().entrySet()) {
            for (String name : QueriedMetrics.names(query.getValue())) {
                if (!registered().containsKey(name) && !PLANNED.contains(name)) {
                    unknown.add(name + " (" + query.getKey() + ")");
                }
            }
        }
        assertThat(unknown).as("metrics queried that no run registers and that are not planned"
                + " (target/metric-names.txt lists what the run registered)").isEmpty();
    }

    @Test
    void everyMetricNameRegexMatchesRegisteredMetrics() throws Exception {
        for (Map.Entry<String, String> query : QueriedMetrics.all().entrySet()) {
            for (String regex : QueriedMetrics.nameRegexes(query.getValue())) {
                Pattern pattern = Pattern.compile(regex);
                assertThat(registered().keySet()).as(query.getKey() + ": __name__=~\"" + regex + "\"")
                        .anyMatch(name -> pattern.matcher(name).matches());
            }
        }
    }

    @Test
    void everyLabelMatcherMatchesALabelValueOfTheRun() throws Exception {
        for (Map.Entry<String, String> query : QueriedMetrics.all().entrySet()) {
            for (QueriedMetrics.LabelMatcher matcher : QueriedMetrics.labelMatchers(query.getValue())) {
                Pattern pattern = Pattern.compile(matcher.regex());
                assertThat(registered().values().stream()
                        .flatMap(labels -> labels.getOrDefault(matcher.label(), Set.of()).stream()))
                        .as(query.getKey() + ": " + matcher.label() + "=~\"" + matcher.regex() + "\"")
                        .anyMatch(value -> pattern.matcher(value).matches());
            }
        }
    }

    @Test
    void noPlannedMetricIsRegisteredYet() throws Exception {
        for (PlannedMetric planned : PlannedMetric.values()) {
            assertThat(registered()).as(planned.prometheusName() + " (" + planned.feature() + ") is registered now:"
                    + " delete " + planned + " from PlannedMetric").doesNotContainKey(planned.prometheusName());
        }
    }

    @Test
    void everyQualityCodeHasItsIssueCounterUnderThePerCodeName() throws Exception {
        // The dashboard's issues-by-code panel and the CONTACT_UNMAPPED alert rely on this naming.
        for (QualityCode code : QualityCode.values()) {
            assertThat(registered()).containsKey("flink_taskmanager_job_task_operator_issues_" + code.name());
        }
        assertThat(PLANNED).allSatisfy(name -> assertThat(name).matches("flink_[a-zA-Z0-9_:]+"));
    }
}
