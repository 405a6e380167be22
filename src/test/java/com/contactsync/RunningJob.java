package com.contactsync;

import com.contactsync.cli.LocalMetrics;

import org.apache.flink.api.common.JobStatus;
import org.apache.flink.core.execution.JobClient;
import org.apache.flink.runtime.execution.ExecutionState;
import org.apache.flink.runtime.executiongraph.AccessExecutionGraph;
import org.apache.flink.runtime.executiongraph.AccessExecutionJobVertex;
import org.apache.flink.runtime.executiongraph.AccessExecutionVertex;
import org.apache.flink.runtime.minicluster.MiniCluster;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * A ContactSync job on a test MiniCluster, watched through its execution graph: whether the
 * backfill readers have finished and how often the job restarted. (The graph's failure info and
 * the {@code numRestarts} metric do not show restarts after a task failure in Flink 2.0; the
 * attempt numbers of the tasks do.)
 */
final class RunningJob {

    private final JobClient client;
    private final MiniCluster cluster;
    private final String jobName;

    /** @param jobName the job's name, as its metrics' scope names it (the cluster runs {@link LocalMetrics}) */
    RunningJob(JobClient client, MiniCluster cluster, String jobName) {
        this.client = client;
        this.cluster = cluster;
        this.jobName = jobName;
    }

    /** True when the job runs and its backfill is done (since the last restart, if any). */
    boolean backfillFinished() throws Exception {
        return restartsOnceBackfillFinished() != null;
    }

    /**
     * How often the job restarted, provided it now runs with its backfill done (the split
     * enumerator's {@code backfillDone} gauge: the readers of mode both never finish, they stay for
     * re-snapshot requests); null otherwise. Throws the job's failure if it ended.
     */
    Integer restartsOnceBackfillFinished() throws Exception {
        AccessExecutionGraph graph = graph();
        if (graph.getState().isGloballyTerminalState()) {
            client.getJobExecutionResult().get(); // throws the cause
            throw new AssertionError("the job ended: " + graph.getState());
        }
        if (graph.getState() != JobStatus.RUNNING) {
            return null;
        }
        boolean running = graph.getAllVertices().values().stream()
                .allMatch(v -> v.getAggregateState() == ExecutionState.RUNNING || v.getAggregateState() == ExecutionState.FINISHED);
        if (!running || LocalMetrics.gaugeMax(jobName, "backfillDone") != 1) {
            return null;
        }
        int restarts = restarts(graph);
        // The gauge belongs to the enumerator of the current attempt only if no restart came in between.
        return restarts == restarts(graph()) ? restarts : null;
    }

    /** How often the job restarted so far: a restart of this job redeploys every task as a new attempt. */
    int restarts() throws Exception {
        return restarts(graph());
    }

    private static int restarts(AccessExecutionGraph graph) {
        int attempt = 0;
        for (AccessExecutionJobVertex vertex : graph.getAllVertices().values()) {
            for (AccessExecutionVertex subtask : vertex.getTaskVertices()) {
                attempt = Math.max(attempt, subtask.getCurrentExecutionAttempt().getAttemptNumber());
            }
        }
        return attempt;
    }

    /** Cancels the job, if it still runs, and waits until it is gone. */
    void cancel() throws Exception {
        if (client.getJobStatus().get(30, TimeUnit.SECONDS).isGloballyTerminalState()) {
            return;
        }
        client.cancel().get(1, TimeUnit.MINUTES);
        long deadline = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!client.getJobStatus().get(30, TimeUnit.SECONDS).isGloballyTerminalState()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the job was not cancelled within a minute");
            }
            Thread.sleep(100);
        }
    }

    private AccessExecutionGraph graph() throws Exception {
        return cluster.getExecutionGraph(client.getJobID()).get(30, TimeUnit.SECONDS);
    }
}
