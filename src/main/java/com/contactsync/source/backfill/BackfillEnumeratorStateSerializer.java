package com.contactsync.source.backfill;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/** Writes {@link BackfillEnumeratorState} into checkpoints; version 1 nests splits in their own versioned format. */
public final class BackfillEnumeratorStateSerializer implements SimpleVersionedSerializer<BackfillEnumeratorState> {

    static final int VERSION = 1;

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
        return out.getCopyOfBuffer();
    }

    @Override
    public BackfillEnumeratorState deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("cannot read backfill enumerator state written in format version " + version
                    + "; this build reads version " + VERSION
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
        return new BackfillEnumeratorState(cursor, upperBound, unassigned, nextSplitNumber, upperBoundInitialised);
    }
}
