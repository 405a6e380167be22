package com.contactsync.source.backfill;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes {@link BackfillEnumeratorState} into checkpoints. Version 1: the initial backfill (cursor,
 * upper bound, splits nested in their own versioned format); version 2 appends the re-snapshot
 * requests. Version 1 is still read: it has no requests and has never polled.
 */
public final class BackfillEnumeratorStateSerializer implements SimpleVersionedSerializer<BackfillEnumeratorState> {

    static final int VERSION = 2;

    private final IdRangeSplitSerializer splits = new IdRangeSplitSerializer();

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(BackfillEnumeratorState state) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(128);
        out.writeLong(state.cursor());
        out.writeLong(state.upperBound());
        out.writeBoolean(state.upperBoundInitialised());
        out.writeInt(state.nextSplitNumber());
        // The split format can then evolve without a new state format.
        out.writeInt(splits.getVersion());
        out.writeInt(state.unassigned().size());
        for (IdRangeSplit split : state.unassigned()) {
            byte[] bytes = splits.serialize(split);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
        // Version 2 from here.
        out.writeLong(state.lastAcceptedRequestId());
        out.writeLong(state.resnapshotRowsRead());
        List<ResnapshotRequest> requests = state.requests();
        out.writeInt(requests.size());
        for (ResnapshotRequest request : requests) {
            writeRequest(request, out);
        }
        return out.getCopyOfBuffer();
    }

    @Override
    public BackfillEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != 1 && version != VERSION) {
            throw new IOException("cannot read backfill enumerator state written in format version " + version
                    + "; this build reads versions 1 to " + VERSION
                    + ": restore with the build that wrote the checkpoint, or start the backfill afresh");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        long cursor = in.readLong();
        long upperBound = in.readLong();
        boolean upperBoundInitialised = in.readBoolean();
        int nextSplitNumber = in.readInt();
        int splitVersion = in.readInt();
        int count = in.readInt();
        List<IdRangeSplit> unassigned = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            unassigned.add(splits.deserialize(splitVersion, bytes));
        }
        if (version == 1) {
            return new BackfillEnumeratorState(cursor, upperBound, unassigned, nextSplitNumber, upperBoundInitialised);
        }
        long lastAccepted = in.readLong();
        long rowsRead = in.readLong();
        int requestCount = in.readInt();
        List<ResnapshotRequest> requests = new ArrayList<>(requestCount);
        for (int i = 0; i < requestCount; i++) {
            requests.add(readRequest(in));
        }
        return new BackfillEnumeratorState(cursor, upperBound, unassigned, nextSplitNumber, upperBoundInitialised,
                lastAccepted, requests, rowsRead);
    }

    private static void writeRequest(ResnapshotRequest request, DataOutputSerializer out) throws IOException {
        out.writeLong(request.id);
        ResnapshotSelector selector = request.selector;
        out.writeUTF(selector.kind().name());
        out.writeUTF(selector.kind() == ResnapshotSelector.Kind.IDS ? selector.idsText() : "");
        writeText(selector.predicate(), out);
        out.writeBoolean(request.resolved());
        if (request.resolved()) {
            out.writeInt(request.ranges.size());
            for (ResnapshotSelector.IdSpan span : request.ranges) {
                out.writeLong(span.lowExclusive());
                out.writeLong(span.highInclusive());
            }
        }
        out.writeInt(request.rangeIndex);
        out.writeLong(request.cursor);
        out.writeInt(request.splitsCut);
        out.writeLong(request.finishedSpan);
        out.writeLong(request.rowsRead);
    }

    private static ResnapshotRequest readRequest(DataInputDeserializer in) throws IOException {
        long id = in.readLong();
        String kind = in.readUTF();
        String ids = in.readUTF();
        String predicate = readText(in);
        ResnapshotSelector selector = ResnapshotSelector.of(kind, ids, predicate);
        List<ResnapshotSelector.IdSpan> ranges = null;
        if (in.readBoolean()) {
            int n = in.readInt();
            ranges = new ArrayList<>(n);
            for (int i = 0; i < n; i++) {
                ranges.add(new ResnapshotSelector.IdSpan(in.readLong(), in.readLong()));
            }
        }
        return new ResnapshotRequest(id, selector, ranges, in.readInt(), in.readLong(), in.readInt(), in.readLong(), in.readLong());
    }

    private static void writeText(String text, DataOutputSerializer out) throws IOException {
        out.writeBoolean(text != null);
        if (text != null) {
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            out.writeInt(bytes.length);
            out.write(bytes);
        }
    }

    private static String readText(DataInputDeserializer in) throws IOException {
        if (!in.readBoolean()) {
            return null;
        }
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
