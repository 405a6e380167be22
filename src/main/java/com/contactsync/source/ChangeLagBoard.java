package com.contactsync.source;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The change lag the keyed operator measures (commit in the source → processed), where the
 * backfill readers of the same job can see it so they yield to the change stream.
 *
 * <p>Flink offers no channel from an operator back to an upstream source, so the board is shared
 * through the job's classes in one JVM: a TaskManager (its tasks of one job share one user-code
 * class loader) or the local MiniCluster. With Flink's default slot sharing every TaskManager runs
 * keyed subtasks next to its backfill readers, and each keyed subtask receives changes of every
 * partition, so the lag seen locally is the job's. Measurements older than {@link #FRESH_MILLIS}
 * are ignored: a quiet topic must not hold the backfill back on a lag long gone.
 */
public final class ChangeLagBoard {

    static final long FRESH_MILLIS = 2_000;

    private static final Map<String, Map<Integer, Measurement>> BY_JOB = new ConcurrentHashMap<>();

    private ChangeLagBoard() {}

    /** Keyed subtask {@code subtask} of job {@code jobId} just processed a change {@code lagMillis} after its commit. */
    public static void report(String jobId, int subtask, long lagMillis) {
        Measurement m = BY_JOB.computeIfAbsent(jobId, id -> new ConcurrentHashMap<>())
                .computeIfAbsent(subtask, s -> new Measurement());
        m.lagMillis = lagMillis;
        m.measuredAtMillis = System.currentTimeMillis();
    }

    /** The largest fresh lag of the job's keyed subtasks in this JVM; 0 when none is fresh. */
    public static long currentLagMillis(String jobId) {
        Map<Integer, Measurement> subtasks = BY_JOB.get(jobId);
        if (subtasks == null) {
            return 0;
        }
        long freshSince = System.currentTimeMillis() - FRESH_MILLIS;
        long max = 0;
        for (Measurement m : subtasks.values()) {
            if (m.measuredAtMillis >= freshSince) {
                max = Math.max(max, m.lagMillis);
            }
        }
        return max;
    }

    /** The keyed subtask closed; its last measurement goes with it. */
    public static void forget(String jobId, int subtask) {
        BY_JOB.computeIfPresent(jobId, (id, subtasks) -> {
            subtasks.remove(subtask);
            return subtasks.isEmpty() ? null : subtasks;
        });
    }

    private static final class Measurement {
        volatile long lagMillis;
        volatile long measuredAtMillis;
    }
}
