package com.contactsync.upgrade;

import com.contactsync.cli.LocalMetrics;

import org.apache.flink.api.common.JobID;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.MetricOptions;

/**
 * Reads one job's metrics on a MiniCluster through {@link LocalMetrics}: the scope formats put
 * the job id last, so a restored job's counters are never mixed with those of the job it was
 * restored from, and nothing needs a reset between runs.
 */
final class JobMetrics {

    private JobMetrics() {}

    /** Registers {@link LocalMetrics} and job-id-last scopes in a MiniCluster configuration. */
    static Configuration register(Configuration conf) {
        conf.setString("metrics.reporter.upgrade-test.factory.class", LocalMetrics.Factory.class.getName());
        conf.set(MetricOptions.SCOPE_NAMING_OPERATOR, "<host>.taskmanager.<tm_id>.<operator_name>.<subtask_index>.<job_id>");
        conf.set(MetricOptions.SCOPE_NAMING_TASK, "<host>.taskmanager.<tm_id>.<task_name>.<subtask_index>.<job_id>");
        conf.set(MetricOptions.SCOPE_NAMING_TM_JOB, "<host>.taskmanager.<tm_id>.<job_id>");
        conf.set(MetricOptions.SCOPE_NAMING_JM_OPERATOR, "<host>.jobmanager.<operator_name>.<job_id>");
        conf.set(MetricOptions.SCOPE_NAMING_JM_JOB, "<host>.jobmanager.<job_id>");
        return conf;
    }

    /** Sum of an operator counter over the job's subtasks and attempts (finished ones included). */
    static long sum(JobID job, String counter) {
        return LocalMetrics.sum(job + "." + counter);
    }

    /** The backfill enumerator's {@code backfillDone} gauge: 1 once every split was read; -1 before it exists. */
    static long backfillDone(JobID job) {
        return LocalMetrics.gaugeMax(job + ".coordinator.enumerator.backfillDone");
    }
}
