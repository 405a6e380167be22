package com.contactsync.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class MaskingTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "john.doe@example.com                  | j***@example.com",
        "'\"John Doe\" <john@example.com>'     | \"***@example.com",
        "' JOHN@Bücher.DE '                    | J***@Bücher.DE",
        "@example.com                          | ***@example.com",
        "john@                                 | j***@",
        "+1 202 555 0123                       | +1******0123",
        "0151 12345678                         | 0*******5678",
        "555-01                                | ***01",
        "ext 12                                | e***",
        "n/a                                   | n***",
        "x                                     | *",
        "NULL                                  | null",
    })
    void masksEmailsAndPhonesButKeepsThemRecognisable(String value, String masked) {
        assertThat(Masking.mask(value)).isEqualTo(masked);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "jane.roe@gmail.com",
        "+44 7400 123456",
        "mailto:jane.roe@gmail.com",
        "[\"jane.roe@gmail.com\", \"+4915112345678\"]",
    })
    void neverShowsTheWholeValue(String value) {
        String masked = Masking.mask(value);
        assertThat(masked).doesNotContain("jane.roe").doesNotContain("123456").doesNotContain("12345678");
    }
}
