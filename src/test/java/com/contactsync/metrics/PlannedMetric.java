package com.contactsync.metrics;

/**
 * Metrics that the Grafana dashboard and the alert rules already query although no operator
 * registers them yet, each under the Prometheus name Flink's reporter will give it and with the
 * feature that will register it. {@code MetricNamesITCase} accepts these names only while a real
 * run does not register them: the change that registers one must delete it here (the test says
 * so), so this list never outlives its features.
 */
public enum PlannedMetric {

    ; // none at the moment: every name the dashboard and the alerts query is registered by the job


    /** Logical scopes as Flink's Prometheus reporter spells them (the groups below "flink_"). */
    public enum Scope {
        /** An operator's own group on a TaskManager, e.g. the backfill source reader or the keyed operator. */
        OPERATOR("flink_taskmanager_job_task_operator_"),
        /** The backfill source's split enumerator on the JobManager. */
        ENUMERATOR("flink_jobmanager_job_operator_coordinator_enumerator_");

        private final String prefix;

        Scope(String prefix) {
            this.prefix = prefix;
        }
    }

    private final Scope scope;
    private final String name;
    private final String feature;

    PlannedMetric(Scope scope, String name, String feature) {
        this.scope = scope;
        this.name = name;
        this.feature = feature;
    }

    /** The name Prometheus will know it by, e.g. {@code flink_taskmanager_job_task_operator_resnapshot_profiles_read}. */
    public String prometheusName() {
        return scope.prefix + name;
    }

    /** The feature that will register it. */
    public String feature() {
        return feature;
    }
}
