package com.contactsync.source.backfill;

import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.connector.base.source.reader.RecordEmitter;
import org.apache.flink.connector.base.source.reader.SingleThreadMultiplexSourceReaderBase;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Map;
import java.util.function.Supplier;

/** A backfill reader subtask: asks for one split at a time and reports each split it finishes. */
@SuppressWarnings("try") // close() is SourceReaderBase's and may throw InterruptedException
final class BackfillSourceReader
        extends SingleThreadMultiplexSourceReaderBase<ProfileEvent, ProfileEvent, IdRangeSplit, IdRangeSplitState> {

    private static final Logger LOG = LoggerFactory.getLogger(BackfillSourceReader.class);

    BackfillSourceReader(Supplier<SplitReader<ProfileEvent, IdRangeSplit>> splitReaders,
            RecordEmitter<ProfileEvent, ProfileEvent, IdRangeSplitState> emitter, SourceReaderContext context) {
        super(splitReaders, emitter, context.getConfiguration(), context);
    }

    @Override
    public void start() {
        // Splits restored from a checkpoint are added before start(); read those first.
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    protected void onSplitFinished(Map<String, IdRangeSplitState> finished) {
        for (Map.Entry<String, IdRangeSplitState> split : finished.entrySet()) {
            LOG.debug("Backfill reader {} finished split {}", context.getIndexOfSubtask(), split.getKey());
            context.sendSourceEventToCoordinator(SplitFinishedEvent.of(split.getValue().toSplit()));
        }
        if (getNumberOfCurrentlyAssignedSplits() == 0) {
            context.sendSplitRequest();
        }
    }

    @Override
    protected IdRangeSplitState initializedState(IdRangeSplit split) {
        return new IdRangeSplitState(split);
    }

    @Override
    protected IdRangeSplit toSplitType(String splitId, IdRangeSplitState state) {
        return state.toSplit();
    }
}
