package com.contactsync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Arrays;

/** The bytes of PostgreSQL's binary COPY format ("COPY", Binary Format); FreshBatchCopyITCase sends them to a server. */
class BinaryCopyRowsTest {

    @Test
    void headerRowOfEveryTypeAndTrailer() {
        BinaryCopyRows rows = new BinaryCopyRows(0).row(6).int8(258).int4(-1).bool(true).text(null).text("a").text("é");
        byte[] bytes = Arrays.copyOf(rows.finish(), rows.length());
        assertThat(bytes).containsExactly(
                'P', 'G', 'C', 'O', 'P', 'Y', '\n', 0xFF, '\r', '\n', 0, // signature
                0, 0, 0, 0, 0, 0, 0, 0,                                   // flags, header extension length
                0, 6,                                                     // fields
                0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 1, 2,                       // int8 258
                0, 0, 0, 4, 0xFF, 0xFF, 0xFF, 0xFF,                       // int4 -1
                0, 0, 0, 1, 1,                                            // true
                0xFF, 0xFF, 0xFF, 0xFF,                                   // NULL
                0, 0, 0, 1, 'a',                                          // ASCII, copied as is
                0, 0, 0, 2, 0xC3, 0xA9,                                   // UTF-8 of U+00E9
                0xFF, 0xFF);                                              // trailer
    }

    @Test
    void growsPastItsInitialCapacityAndEncodesSurrogatePairs() {
        String long1 = "x".repeat(10_000) + "\uD83D\uDE00";
        BinaryCopyRows rows = new BinaryCopyRows(8).row(1).text(long1);
        byte[] bytes = Arrays.copyOf(rows.finish(), rows.length());
        assertThat(bytes).hasSize(19 + 2 + 4 + 10_004 + 2);
        assertThat(Arrays.copyOfRange(bytes, 21, 25)).containsExactly(0, 0, 0x27, 0x14); // 10,004 bytes
        assertThat(Arrays.copyOfRange(bytes, 25 + 10_000, 25 + 10_004)).containsExactly(0xF0, 0x9F, 0x98, 0x80);
    }
}
