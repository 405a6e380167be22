package com.contactsync.source.backfill;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;

/** Writes {@link IdRangeSplit}s into checkpoints; version 1 is (splitId, lowExclusive, highInclusive, lastEmittedId). */
public final class IdRangeSplitSerializer implements SimpleVersionedSerializer<IdRangeSplit> {

    static final int VERSION = 1;

    @Override
    public int getVersion() {
        return VERSION;
    }

    @Override
    public byte[] serialize(IdRangeSplit split) throws IOException {
        DataOutputSerializer out = new DataOutputSerializer(64);
        out.writeUTF(split.splitId());
        out.writeLong(split.lowExclusive());
        out.writeLong(split.highInclusive());
        out.writeLong(split.lastEmittedId());
        return out.getCopyOfBuffer();
    }

    @Override
    public IdRangeSplit deserialize(int version, byte[] serialized) throws IOException {
        if (version != VERSION) {
            throw new IOException("cannot read a backfill split written in format version " + version
                    + "; this build reads version " + VERSION
                    + ": restore with the build that wrote the checkpoint, or start the backfill afresh");
        }
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        return new IdRangeSplit(in.readUTF(), in.readLong(), in.readLong(), in.readLong());
    }
}
