package com.contactsync.job;

import static com.contactsync.config.ContactSyncOptions.JOB_UNALIGNED_CHECKPOINTS;

import com.contactsync.config.JobConfig;

import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** The Flink settings every ContactSync run needs, wherever it runs. */
public final class JobEnvironment {

    /** Pinned for every savepoint's sake: see {@link JobConfig#MAX_PARALLELISM}. */
    public static final int MAX_PARALLELISM = JobConfig.MAX_PARALLELISM;

    private JobEnvironment() {}

    /** Settings that must hold for correctness; cluster configuration may add, not weaken them. */
    public static void configure(StreamExecutionEnvironment env, JobConfig config) {
        env.setParallelism(config.parallelism());
        env.setMaxParallelism(MAX_PARALLELISM);
        // Savepoints must stay restorable wherever the job is submitted: no Kryo fallback (state
        // serialized by Kryo cannot evolve) and an explicit uid on every operator (OperatorIds).
        Configuration upgradeSafe = new Configuration();
        upgradeSafe.set(PipelineOptions.GENERIC_TYPES, false);
        upgradeSafe.set(PipelineOptions.AUTO_GENERATE_UIDS, false);
        // Chained operators hand records on without a deep copy (a batch's arrays were copied twice on
        // the way to the sink). Safe because every operator emits a new object per record and none
        // changes one it received.
        upgradeSafe.set(PipelineOptions.OBJECT_REUSE, true);
        env.configure(upgradeSafe);
        // The XA sink writes nothing without checkpoints; exactly-once barriers keep replays ordered.
        env.enableCheckpointing(config.checkpointInterval().toMillis(), CheckpointingMode.EXACTLY_ONCE);
        // A bounded backfill must still commit its last transaction when its sources finish.
        env.getCheckpointConfig().setMinPauseBetweenCheckpoints(Math.min(500, config.checkpointInterval().toMillis() / 2));
        // Unaligned barriers are safe for the sink: the write batcher still flushes before the barrier
        // leaves its task (prepareSnapshotPreBarrier), and a restored in-flight row is decided by the
        // same rule as any row (README, "Re-snapshots while live"). They serve the changes' commits
        // only: in mode backfill no commit waits on a checkpoint, and each checkpoint would keep the rows
        // in flight (1M profiles: 695 KB per checkpoint instead of 14 KB, about 3.5 JVM CPU-s more).
        env.getCheckpointConfig().enableUnalignedCheckpoints(
                config.mode().readsChanges() && config.get(JOB_UNALIGNED_CHECKPOINTS));
    }
}
