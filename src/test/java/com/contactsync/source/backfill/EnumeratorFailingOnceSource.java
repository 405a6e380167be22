package com.contactsync.source.backfill;

import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.source.Boundedness;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.SplitEnumerator;
import org.apache.flink.api.connector.source.SplitEnumeratorContext;
import org.apache.flink.api.java.typeutils.ResultTypeQueryable;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.List;

/**
 * The backfill source whose first enumerator fails once, after a checkpoint completes that was
 * taken once readers had asked for {@code armAfterRequests} splits. A coordinator failure is a
 * global failover: the enumerator is then rebuilt by {@code restoreEnumerator} from its checkpoint.
 */
final class EnumeratorFailingOnceSource
        implements Source<ProfileEvent, IdRangeSplit, BackfillEnumeratorState>, ResultTypeQueryable<ProfileEvent> {

    private final BackfillSource source;
    private final int armAfterRequests;

    EnumeratorFailingOnceSource(BackfillSource source, int armAfterRequests) {
        this.source = source;
        this.armAfterRequests = armAfterRequests;
    }

    @Override
    public SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> createEnumerator(
            SplitEnumeratorContext<IdRangeSplit> context) throws Exception {
        return new FailingOnce(source.createEnumerator(context), armAfterRequests);
    }

    @Override
    public SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> restoreEnumerator(
            SplitEnumeratorContext<IdRangeSplit> context, BackfillEnumeratorState state) throws Exception {
        return source.restoreEnumerator(context, state);
    }

    @Override
    public Boundedness getBoundedness() {
        return source.getBoundedness();
    }

    @Override
    public SourceReader<ProfileEvent, IdRangeSplit> createReader(SourceReaderContext context) throws Exception {
        return source.createReader(context);
    }

    @Override
    public SimpleVersionedSerializer<IdRangeSplit> getSplitSerializer() {
        return source.getSplitSerializer();
    }

    @Override
    public SimpleVersionedSerializer<BackfillEnumeratorState> getEnumeratorCheckpointSerializer() {
        return source.getEnumeratorCheckpointSerializer();
    }

    @Override
    public TypeInformation<ProfileEvent> getProducedType() {
        return source.getProducedType();
    }

    private static final class FailingOnce implements SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> {

        private final SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> delegate;
        private final int armAfterRequests;
        private int requests;
        private long armedAtCheckpoint = Long.MAX_VALUE;
        private boolean failed;

        FailingOnce(SplitEnumerator<IdRangeSplit, BackfillEnumeratorState> delegate, int armAfterRequests) {
            this.delegate = delegate;
            this.armAfterRequests = armAfterRequests;
        }

        @Override
        public void start() {
            delegate.start();
        }

        @Override
        public void handleSplitRequest(int subtask, String hostname) {
            requests++;
            delegate.handleSplitRequest(subtask, hostname);
        }

        @Override
        public void addSplitsBack(List<IdRangeSplit> splits, int subtask) {
            delegate.addSplitsBack(splits, subtask);
        }

        @Override
        public void addReader(int subtask) {
            delegate.addReader(subtask);
        }

        @Override
        public void handleSourceEvent(int subtask, SourceEvent event) {
            delegate.handleSourceEvent(subtask, event);
        }

        @Override
        public BackfillEnumeratorState snapshotState(long checkpointId) throws Exception {
            if (requests >= armAfterRequests && armedAtCheckpoint == Long.MAX_VALUE) {
                armedAtCheckpoint = checkpointId;
            }
            return delegate.snapshotState(checkpointId);
        }

        @Override
        public void notifyCheckpointComplete(long checkpointId) throws Exception {
            delegate.notifyCheckpointComplete(checkpointId);
            if (checkpointId >= armedAtCheckpoint && !failed) {
                failed = true;
                throw new IllegalStateException("failing the backfill enumerator on purpose, after checkpoint " + checkpointId);
            }
        }

        @Override
        public void close() throws IOException {
            delegate.close();
        }
    }
}
