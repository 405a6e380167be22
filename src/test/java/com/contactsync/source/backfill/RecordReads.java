package com.contactsync.source.backfill;

import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Chained right after the source, records each row it emits as (id, attempt, subtask, epoch) in
 * {@code itcase_reads}, where epoch is the last checkpoint whose barrier had passed: a row with
 * epoch &lt; c is covered by checkpoint c. Restores go to {@code itcase_restores}. Plain autocommit JDBC.
 */
final class RecordReads extends RichMapFunction<ProfileEvent, ProfileEvent> implements CheckpointedFunction {

    static final String CREATE_TABLES = "CREATE TABLE itcase_reads (id bigint NOT NULL, attempt int NOT NULL,"
            + " subtask int NOT NULL, epoch bigint NOT NULL);"
            + " CREATE TABLE itcase_restores (attempt int NOT NULL, subtask int NOT NULL, checkpoint_id bigint NOT NULL)";

    private final String jdbcUrl;
    private transient Connection connection;
    private transient PreparedStatement insert;
    private transient int attempt;
    private transient int subtask;
    private transient long epoch;
    private transient int batched;

    RecordReads(String jdbcUrl) {
        this.jdbcUrl = jdbcUrl;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws SQLException {
        attempt = getRuntimeContext().getTaskInfo().getAttemptNumber();
        subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        epoch = context.getRestoredCheckpointId().orElse(0L);
        connection = DriverManager.getConnection(jdbcUrl);
        if (context.getRestoredCheckpointId().isPresent()) {
            try (PreparedStatement restore = connection.prepareStatement("INSERT INTO itcase_restores VALUES (?, ?, ?)")) {
                restore.setInt(1, attempt);
                restore.setInt(2, subtask);
                restore.setLong(3, epoch);
                restore.executeUpdate();
            }
        }
        insert = connection.prepareStatement("INSERT INTO itcase_reads VALUES (?, ?, ?, ?)");
    }

    @Override
    public ProfileEvent map(ProfileEvent event) throws SQLException {
        insert.setLong(1, event.profileId);
        insert.setInt(2, attempt);
        insert.setInt(3, subtask);
        insert.setLong(4, epoch);
        insert.addBatch();
        if (++batched == 100) {
            flush();
        }
        return event;
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws SQLException {
        flush(); // every row emitted before this barrier is on record before the checkpoint can complete
        epoch = context.getCheckpointId();
    }

    @Override
    public void close() throws SQLException {
        if (connection != null) {
            flush();
            connection.close();
        }
    }

    private void flush() throws SQLException {
        if (batched > 0) {
            insert.executeBatch();
            batched = 0;
        }
    }
}
