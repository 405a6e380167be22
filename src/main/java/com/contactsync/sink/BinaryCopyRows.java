package com.contactsync.sink;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rows in PostgreSQL's binary {@code COPY} format (header, tuples of length-prefixed fields, trailer),
 * for the four column types the contact tables have: bigint, integer, boolean and text. Binary, so a
 * text value needs no escaping and PostgreSQL parses no literal. Written by hand: the format is a
 * page of the PostgreSQL manual ("COPY", Binary Format), and the libraries that write it bring an
 * object-mapping layer we do not need.
 */
final class BinaryCopyRows {

    private static final byte[] SIGNATURE = {'P', 'G', 'C', 'O', 'P', 'Y', '\n', (byte) 0xFF, '\r', '\n', 0};

    private byte[] buffer;
    private int length;

    BinaryCopyRows(int initialCapacity) {
        buffer = new byte[Math.max(64, initialCapacity)];
        writeBytes(SIGNATURE);
        writeInt(0); // flags: no OIDs
        writeInt(0); // no header extension
    }

    BinaryCopyRows row(int fields) {
        writeShort(fields);
        return this;
    }

    BinaryCopyRows int8(long value) {
        writeInt(8);
        ensure(8);
        for (int shift = 56; shift >= 0; shift -= 8) {
            buffer[length++] = (byte) (value >>> shift);
        }
        return this;
    }

    BinaryCopyRows int4(int value) {
        writeInt(4);
        writeInt(value);
        return this;
    }

    BinaryCopyRows bool(boolean value) {
        writeInt(1);
        ensure(1);
        buffer[length++] = (byte) (value ? 1 : 0);
        return this;
    }

    /** A text value in UTF-8 (the connection's client encoding), or NULL; ASCII, nearly all of it, without a copy. */
    BinaryCopyRows text(String value) {
        if (value == null) {
            writeInt(-1);
            return this;
        }
        int n = value.length();
        ensure(4 + n);
        int lengthAt = length;
        length += 4;
        for (int i = 0; i < n; i++) {
            char c = value.charAt(i);
            if (c >= 0x80) { // not ASCII: let the JDK encode it (surrogate pairs, replacement of lone ones)
                length = lengthAt;
                byte[] utf8 = value.getBytes(StandardCharsets.UTF_8);
                writeInt(utf8.length);
                writeBytes(utf8);
                return this;
            }
            buffer[length++] = (byte) c;
        }
        putInt(lengthAt, n);
        return this;
    }

    /** The rows with the trailer; call once, after the last row. */
    byte[] finish() {
        writeShort(-1);
        return buffer;
    }

    /** Bytes of {@link #finish()}'s array that hold the data. */
    int length() {
        return length;
    }

    private void writeShort(int value) {
        ensure(2);
        buffer[length++] = (byte) (value >>> 8);
        buffer[length++] = (byte) value;
    }

    private void writeInt(int value) {
        ensure(4);
        putInt(length, value);
        length += 4;
    }

    private void putInt(int at, int value) {
        buffer[at] = (byte) (value >>> 24);
        buffer[at + 1] = (byte) (value >>> 16);
        buffer[at + 2] = (byte) (value >>> 8);
        buffer[at + 3] = (byte) value;
    }

    private void writeBytes(byte[] bytes) {
        ensure(bytes.length);
        System.arraycopy(bytes, 0, buffer, length, bytes.length);
        length += bytes.length;
    }

    private void ensure(int more) {
        if (length + more > buffer.length) {
            buffer = Arrays.copyOf(buffer, Math.max(buffer.length * 2, length + more));
        }
    }
}
