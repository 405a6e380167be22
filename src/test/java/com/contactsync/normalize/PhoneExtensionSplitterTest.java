package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneExtensionSplitterTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "415-555-0123 x123|415-555-0123|123",
        "415-555-0123x123|415-555-0123|123",
        "415-555-0123 X 123|415-555-0123|123",
        "+1 415 555 0123 ext 45|+1 415 555 0123|45",
        "+1 415 555 0123 Ext. 45|+1 415 555 0123|45",
        "+1 415 555 0123 ext: 45|+1 415 555 0123|45",
        "+1 415 555 0123 extension 7|+1 415 555 0123|7",
        "+1 415 555 0123, ext 12|+1 415 555 0123|12",
        "+14155550123;ext=6|+14155550123|6",
        "415.555.0123 #8|415.555.0123|8",
        "415 555 0123 x١٢|415 555 0123|12",
        "x123||123",
    })
    void splitsTrailingExtensions(String text, String number, String extension) {
        assertThat(PhoneExtensionSplitter.split(text))
                .isEqualTo(new PhoneExtensionSplitter.Split(number == null ? "" : number, extension));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 415 555 0123", "Fax 123", "box 12", "415 555 0123 x", "415 555 0123 ext",
        "x", "", "123", "415 555 0123 x123456789012345678901"})
    void leavesTextsWithoutAnExtensionAlone(String text) {
        assertThat(PhoneExtensionSplitter.split(text)).isEqualTo(new PhoneExtensionSplitter.Split(text, ""));
    }

    @Test
    void handlesVeryLongTextInOnePass() {
        String text = "1 x".repeat(500_000) + "5";
        assertThat(PhoneExtensionSplitter.split(text).extension()).isEqualTo("5");
    }
}
