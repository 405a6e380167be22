package com.contactsync.deadletter;

import java.util.Arrays;
import java.util.Objects;

/**
 * A Kafka record the job could not use, kept with its coordinates, why, and (the start of) its raw
 * bytes, so it can be inspected and replayed by hand instead of failing the job.
 *
 * <p>A Flink POJO: {@code byte[]} is a primitive array type, so no Kryo is involved.
 */
public class DeadLetter {

    /** Raw values are kept up to this many bytes: enough to diagnose, bounded in the table. */
    public static final int MAX_RAW_BYTES = 64 * 1024;
    /** Reasons are our own short texts; the cap only guards against a runaway message. */
    static final int MAX_REASON_CHARS = 500;

    public String topic;
    public int partition;
    public long offset;
    public String reason;
    /** The first {@link #MAX_RAW_BYTES} bytes of the record's value; null for a null value. */
    public byte[] rawValue;
    /** The length of the whole value in bytes, before capping; -1 for a null value. */
    public int rawLength;
    public long receivedAtMillis;

    public DeadLetter() {}

    /** A dead letter for the record at these coordinates, its raw value capped. */
    public static DeadLetter of(String topic, int partition, long offset, String reason, byte[] value, long receivedAtMillis) {
        DeadLetter letter = new DeadLetter();
        letter.topic = topic;
        letter.partition = partition;
        letter.offset = offset;
        letter.reason = cleanReason(reason);
        letter.rawValue = value == null ? null : Arrays.copyOf(value, Math.min(value.length, MAX_RAW_BYTES));
        letter.rawLength = value == null ? -1 : value.length;
        letter.receivedAtMillis = receivedAtMillis;
        return letter;
    }

    /** PostgreSQL text cannot hold NUL, and the column is NOT NULL: make any reason storable. */
    static String cleanReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return "unknown reason";
        }
        String clean = reason.replace('\u0000', '?');
        return clean.length() <= MAX_REASON_CHARS ? clean : clean.substring(0, MAX_REASON_CHARS);
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof DeadLetter)) {
            return false;
        }
        DeadLetter that = (DeadLetter) o;
        return partition == that.partition
                && offset == that.offset
                && rawLength == that.rawLength
                && receivedAtMillis == that.receivedAtMillis
                && Objects.equals(topic, that.topic)
                && Objects.equals(reason, that.reason)
                && Arrays.equals(rawValue, that.rawValue);
    }

    @Override
    public int hashCode() {
        return Objects.hash(topic, partition, offset, reason, rawLength, receivedAtMillis) * 31 + Arrays.hashCode(rawValue);
    }

    /** Never prints the raw bytes: they may hold personal data. */
    @Override
    public String toString() {
        return "DeadLetter{" + topic + "/" + partition + "@" + offset + " " + reason + " (" + rawLength + " bytes)}";
    }
}
