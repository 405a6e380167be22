package com.contactsync.source.backfill;

import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.CheckpointListener;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

/**
 * Fails subtask 0 of the first attempt once: 100 rows after a checkpoint completes whose barrier
 * came after {@code armAfterRows} rows. A task failure: readers restore, the enumerator lives on.
 */
final class FailTaskOnceAfterCheckpoint extends RichMapFunction<ProfileEvent, ProfileEvent>
        implements CheckpointedFunction, CheckpointListener {

    private final long armAfterRows;
    private transient long rowsSeen;
    private transient long armedAtCheckpoint;
    private transient long rowsAfterCompletion;

    FailTaskOnceAfterCheckpoint(long armAfterRows) {
        this.armAfterRows = armAfterRows;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) {
        armedAtCheckpoint = Long.MAX_VALUE;
        rowsAfterCompletion = -1;
    }

    @Override
    public ProfileEvent map(ProfileEvent event) {
        boolean target = getRuntimeContext().getTaskInfo().getAttemptNumber() == 0
                && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0;
        rowsSeen++;
        if (target && rowsAfterCompletion >= 0 && ++rowsAfterCompletion > 100) {
            throw new IllegalStateException("failing on purpose mid-backfill, after a completed checkpoint");
        }
        return event;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) {
        if (rowsSeen >= armAfterRows && armedAtCheckpoint == Long.MAX_VALUE) {
            armedAtCheckpoint = context.getCheckpointId();
        }
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) {
        if (checkpointId >= armedAtCheckpoint && rowsAfterCompletion < 0) {
            rowsAfterCompletion = 0;
        }
    }
}
