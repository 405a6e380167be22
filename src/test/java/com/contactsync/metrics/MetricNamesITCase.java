package com.contactsync.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.Map;
import java.util.Set;

/** Every metric the dashboard and the alert rules query is one a real run registers (or is explicitly planned). */
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

    @Test
    void theJobsOwnMetricsAreRegistered() throws Exception {
        assertThat(registered()).containsKeys(
                "flink_taskmanager_job_task_operator_profilesRead",
                "flink_taskmanager_job_task_operator_issues_EMAIL_CASE",
                "flink_jobmanager_job_operator_coordinator_enumerator_backfillDone",
                "flink_taskmanager_job_task_operator_deadLetters");
    }
}
