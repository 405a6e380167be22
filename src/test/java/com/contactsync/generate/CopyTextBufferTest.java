package com.contactsync.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;

class CopyTextBufferTest {

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @Test
    void escapesBackslashTabNewlineAndCarriageReturn() throws SQLException {
        CopyTextBuffer buffer = new CopyTextBuffer(out::write, 64);
        buffer.number(42).text("a\\b\tc\nd\re").text(null).text("").endRow();
        buffer.flush();

        assertThat(written()).isEqualTo("42\ta\\\\b\\tc\\nd\\re\t\\N\t\n");
    }

    @Test
    void writesUtf8AcrossBufferBoundaries() throws SQLException {
        String text = "ü\u00A0\u3000\u200B😀日本".repeat(40);
        CopyTextBuffer buffer = new CopyTextBuffer(out::write, 64);
        buffer.number(1).text(text).endRow();
        buffer.number(2).text(text).endRow();
        buffer.flush();

        assertThat(written()).isEqualTo("1\t" + text + "\n2\t" + text + "\n");
    }

    @Test
    void refusesNulWhichPostgresTextCannotHold() {
        CopyTextBuffer buffer = new CopyTextBuffer(out::write, 64);

        assertThatThrownBy(() -> buffer.text("a\0b")).isInstanceOf(IllegalArgumentException.class);
    }

    private String written() {
        return out.toString(StandardCharsets.UTF_8);
    }
}
