package com.contactsync.sink;

import org.apache.flink.api.connector.sink2.CommittingSinkWriter;
import org.apache.flink.api.connector.sink2.StatefulSinkWriter;
import org.apache.flink.connector.jdbc.core.datastream.sink.committer.JdbcCommitable;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriter;
import org.apache.flink.connector.jdbc.core.datastream.sink.writer.JdbcWriterState;

import java.io.IOException;
import java.util.Collection;
import java.util.List;

/**
 * The connector's XA writer, made to survive checkpoints after its input ended. Flink 2.0 calls
 * {@code prepareCommit} once at the end of input and then takes further checkpoints (the final
 * one, and any that race with a finishing source) with {@code snapshotState} alone; the 4.0.0
 * writer then tries to open a second transaction over the first ("currentXid not null") and the
 * job restarts. Preparing before every such snapshot commits the (empty) open transaction first.
 */
public final class EndOfInputSafeWriter
        implements StatefulSinkWriter<ProfileWriteBatch, JdbcWriterState>, CommittingSinkWriter<ProfileWriteBatch, JdbcCommitable> {

    private final JdbcWriter<ProfileWriteBatch> writer;
    private boolean endOfInput;
    private boolean preparedSinceSnapshot;

    EndOfInputSafeWriter(JdbcWriter<ProfileWriteBatch> writer) {
        this.writer = writer;
    }

    @Override
    public void write(ProfileWriteBatch element, Context context) throws IOException, InterruptedException {
        writer.write(element, context);
    }

    @Override
    public void flush(boolean endOfInput) throws IOException, InterruptedException {
        writer.flush(endOfInput);
        this.endOfInput |= endOfInput;
    }

    @Override
    public Collection<JdbcCommitable> prepareCommit() throws IOException, InterruptedException {
        preparedSinceSnapshot = true;
        return writer.prepareCommit();
    }

    @Override
    public List<JdbcWriterState> snapshotState(long checkpointId) throws IOException {
        if (endOfInput && !preparedSinceSnapshot) {
            try {
                // No records can arrive after the end of input: this prepares and commits an empty transaction.
                writer.prepareCommit();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted while closing the transaction after the end of input", e);
            }
        }
        preparedSinceSnapshot = false;
        return writer.snapshotState(checkpointId);
    }

    @Override
    public void close() throws Exception {
        writer.close();
    }
}
