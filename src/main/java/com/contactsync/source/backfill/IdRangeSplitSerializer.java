package com.contactsync.source.backfill;

import org.apache.flink.core.io.SimpleVersionedSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;

import java.io.IOException;

/**
 * Writes {@link IdRangeSplit}s into checkpoints. Version 1: (splitId, lowExclusive, highInclusive,
 * lastEmittedId), read as splits of the initial backfill; version 2 adds the request id, the
 * predicate (or none) and the rows emitted.
 */
public final class IdRangeSplitSerializer implements SimpleVersionedSerializer<IdRangeSplit> {

    static final int VERSION = 2;

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
        out.writeLong(split.requestId());
        out.writeBoolean(split.predicate() != null);
        if (split.predicate() != null) {
            // writeUTF is limited to 64 KiB; predicates are validated far shorter, but do not rely on it.
            byte[] predicate = split.predicate().getBytes(java.nio.charset.StandardCharsets.UTF_8);
            out.writeInt(predicate.length);
            out.write(predicate);
        }
        out.writeLong(split.rowsEmitted());
        return out.getCopyOfBuffer();
    }

    @Override
    public IdRangeSplit deserialize(int version, byte[] serialized) throws IOException {
        DataInputDeserializer in = new DataInputDeserializer(serialized);
        if (version == 1) {
            return new IdRangeSplit(in.readUTF(), in.readLong(), in.readLong(), in.readLong());
        }
        if (version != VERSION) {
            throw new IOException("cannot read a backfill split written in format version " + version
                    + "; this build reads versions 1 to " + VERSION
                    + ": restore with the build that wrote the checkpoint, or start the backfill afresh");
        }
        String splitId = in.readUTF();
        long low = in.readLong();
        long high = in.readLong();
        long last = in.readLong();
        long requestId = in.readLong();
        String predicate = null;
        if (in.readBoolean()) {
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            predicate = new String(bytes, java.nio.charset.StandardCharsets.UTF_8);
        }
        return new IdRangeSplit(splitId, low, high, last, requestId, predicate, in.readLong());
    }
}
