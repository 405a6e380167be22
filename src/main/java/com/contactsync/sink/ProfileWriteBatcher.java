package com.contactsync.sink;

import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.BoundedOneInput;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Groups profile writes into batches so PostgreSQL applies hundreds of profiles with one
 * set-based statement instead of one statement each. Stateless by design: the buffer is emitted
 * before every checkpoint barrier, so each batch lands in the XA transaction of the checkpoint its
 * writes belong to, and buffering adds no latency (rows only become visible at the commit anyway).
 */
public class ProfileWriteBatcher extends AbstractStreamOperator<ProfileWriteBatch>
        implements OneInputStreamOperator<ProfileWrite, ProfileWriteBatch>, BoundedOneInput {

    private static final long serialVersionUID = 1L;

    private final int maxProfiles;
    private final int maxChars;
    /** Last write wins: within a batch only a profile's newest write matters. */
    private transient Map<Long, ProfileWrite> pending;
    private transient long pendingChars;

    public ProfileWriteBatcher(int maxProfiles, int maxChars) {
        if (maxProfiles < 1 || maxChars < 1) {
            throw new IllegalArgumentException("batch limits must be positive, got " + maxProfiles + " and " + maxChars);
        }
        this.maxProfiles = maxProfiles;
        this.maxChars = maxChars;
    }

    @Override
    public void open() throws Exception {
        super.open();
        pending = new LinkedHashMap<>();
    }

    @Override
    public void processElement(StreamRecord<ProfileWrite> element) {
        ProfileWrite write = element.getValue();
        ProfileWrite replaced = pending.put(write.profileId, write);
        if (replaced != null) {
            pendingChars -= replaced.chars();
        }
        pendingChars += write.chars();
        if (pending.size() >= maxProfiles || pendingChars >= maxChars) {
            flush();
        }
    }

    @Override
    public void prepareSnapshotPreBarrier(long checkpointId) throws Exception {
        super.prepareSnapshotPreBarrier(checkpointId);
        flush();
    }

    @Override
    public void endInput() {
        flush();
    }

    private void flush() {
        if (pending.isEmpty()) {
            return;
        }
        output.collect(new StreamRecord<>(ProfileWriteBatch.of(pending.values())));
        pending.clear();
        pendingChars = 0;
    }
}
