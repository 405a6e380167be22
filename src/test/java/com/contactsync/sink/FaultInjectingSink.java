package com.contactsync.sink;

import org.apache.flink.api.connector.sink2.Committer;
import org.apache.flink.api.connector.sink2.CommitterInitContext;
import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.api.connector.sink2.SupportsCommitter;
import org.apache.flink.api.connector.sink2.SupportsWriterState;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.connector.jdbc.core.datastream.sink.committer.JdbcCommitable;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriterState;
import org.apache.flink.core.io.SimpleVersionedSerializer;

import java.io.IOException;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The production exactly-once sink with one fault injected, once per test run: either a failure
 * while writing mid-stream, or a crash between the XA PREPARE and the COMMIT that the connector's
 * writer does when a checkpoint is taken.
 */
public final class FaultInjectingSink
        implements Sink<ProfileWriteBatch>, SupportsWriterState<ProfileWriteBatch, JdbcWriterState>, SupportsCommitter<JdbcCommitable> {

    /** Which fault to inject. */
    public enum Fault {
        /** Throw from write() once enough profiles were written after a checkpoint was taken. */
        FAIL_WHILE_WRITING,
        /** Throw from snapshotState() after PREPARE and before the connector's COMMIT. */
        CRASH_BETWEEN_PREPARE_AND_COMMIT
    }

    private static final Map<String, AtomicBoolean> FIRED = new ConcurrentHashMap<>();

    private final ExactlyOnceProfileSink delegate;
    private final Fault fault;
    private final String runId;
    private final long afterRecords;

    public FaultInjectingSink(ExactlyOnceProfileSink delegate, Fault fault, String runId, long afterRecords) {
        this.delegate = delegate;
        this.fault = fault;
        this.runId = runId;
        this.afterRecords = afterRecords;
        FIRED.put(runId, new AtomicBoolean());
    }

    /** Whether the fault of this run was injected. */
    public static boolean fired(String runId) {
        return FIRED.get(runId).get();
    }

    @Override
    public StatefulSinkWriter<ProfileWriteBatch, JdbcWriterState> createWriter(WriterInitContext context) throws IOException {
        return restoreWriter(context, Collections.emptyList());
    }

    @Override
    public StatefulSinkWriter<ProfileWriteBatch, JdbcWriterState> restoreWriter(
            WriterInitContext context, Collection<JdbcWriterState> state) throws IOException {
        return new Writer(delegate.restoreWriter(context, state));
    }

    @Override
    public SimpleVersionedSerializer<JdbcWriterState> getWriterStateSerializer() {
        return delegate.getWriterStateSerializer();
    }

    @Override
    public Committer<JdbcCommitable> createCommitter(CommitterInitContext context) throws IOException {
        return delegate.createCommitter(context);
    }

    @Override
    public SimpleVersionedSerializer<JdbcCommitable> getCommittableSerializer() {
        return delegate.getCommittableSerializer();
    }

    private final class Writer
            implements StatefulSinkWriter<ProfileWriteBatch, JdbcWriterState>, CommittingSinkWriter<ProfileWriteBatch, JdbcCommitable> {

        private final EndOfInputSafeWriter writer;
        private long written;
        private int snapshots;
        private boolean prepared;

        Writer(EndOfInputSafeWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(ProfileWriteBatch element, Context context) throws IOException, InterruptedException {
            writer.write(element, context);
            written += element.profiles;
            if (fault == Fault.FAIL_WHILE_WRITING && snapshots >= 2 && written >= afterRecords && fire()) {
                throw new IOException("injected failure while writing (test)");
            }
        }

        @Override
        public Collection<JdbcCommitable> prepareCommit() throws IOException, InterruptedException {
            Collection<JdbcCommitable> committables = writer.prepareCommit();
            prepared = !committables.isEmpty();
            return committables;
        }

        @Override
        public List<JdbcWriterState> snapshotState(long checkpointId) throws IOException {
            snapshots++;
            if (fault == Fault.CRASH_BETWEEN_PREPARE_AND_COMMIT && prepared && snapshots >= 2 && fire()) {
                throw new IOException("injected crash between XA PREPARE and COMMIT (test)");
            }
            return writer.snapshotState(checkpointId);
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            writer.flush(endOfInput);
        }

        @Override
        public void close() throws Exception {
            writer.close();
        }

        private boolean fire() {
            return FIRED.get(runId).compareAndSet(false, true);
        }
    }
}
