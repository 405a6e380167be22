package com.contactsync.generate;

import java.sql.SQLException;

/**
 * Encodes rows in PostgreSQL's COPY text format (UTF-8, tab-separated, {@code \N} for null,
 * backslash, tab, newline and carriage return escaped) into a fixed buffer that is handed on when
 * full, so memory stays flat however many rows pass through.
 */
final class CopyTextBuffer {

    /** Where full buffers go: {@code CopyIn::writeToCopy} in production. */
    interface Output {
        void write(byte[] bytes, int offset, int length) throws SQLException;
    }

    private final Output output;
    private final byte[] buffer;
    private int length;
    private boolean rowStarted;

    CopyTextBuffer(Output output, int capacity) {
        if (capacity < 64) {
            throw new IllegalArgumentException("the COPY buffer needs at least 64 bytes, got " + capacity);
        }
        this.output = output;
        this.buffer = new byte[capacity];
    }

    CopyTextBuffer number(long value) throws SQLException {
        separate();
        String digits = Long.toString(value);
        for (int i = 0; i < digits.length(); i++) {
            buffer[length++] = (byte) digits.charAt(i);
        }
        return this;
    }

    CopyTextBuffer text(String value) throws SQLException {
        separate();
        if (value == null) {
            room(2);
            buffer[length++] = '\\';
            buffer[length++] = 'N';
            return this;
        }
        for (int i = 0; i < value.length(); i++) {
            room(4);
            char c = value.charAt(i);
            switch (c) {
                case '\\': escape('\\'); break;
                case '\t': escape('t'); break;
                case '\n': escape('n'); break;
                case '\r': escape('r'); break;
                case '\0': throw new IllegalArgumentException("PostgreSQL text cannot hold NUL characters");
                default:
                    if (c < 0x80) {
                        buffer[length++] = (byte) c;
                    } else if (c < 0x800) {
                        buffer[length++] = (byte) (0xC0 | c >> 6);
                        buffer[length++] = (byte) (0x80 | c & 0x3F);
                    } else if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        int cp = Character.toCodePoint(c, value.charAt(++i));
                        buffer[length++] = (byte) (0xF0 | cp >> 18);
                        buffer[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                        buffer[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                        buffer[length++] = (byte) (0x80 | cp & 0x3F);
                    } else if (Character.isSurrogate(c)) {
                        throw new IllegalArgumentException("unpaired UTF-16 surrogate at index " + i);
                    } else {
                        buffer[length++] = (byte) (0xE0 | c >> 12);
                        buffer[length++] = (byte) (0x80 | c >> 6 & 0x3F);
                        buffer[length++] = (byte) (0x80 | c & 0x3F);
                    }
            }
        }
        return this;
    }

    void endRow() throws SQLException {
        room(1);
        buffer[length++] = '\n';
        rowStarted = false;
    }

    void flush() throws SQLException {
        if (length > 0) {
            output.write(buffer, 0, length);
            length = 0;
        }
    }

    private void separate() throws SQLException {
        room(24);
        if (rowStarted) {
            buffer[length++] = '\t';
        }
        rowStarted = true;
    }

    private void escape(char c) {
        buffer[length++] = '\\';
        buffer[length++] = (byte) c;
    }

    private void room(int bytes) throws SQLException {
        if (length + bytes > buffer.length) {
            flush();
        }
    }
}
