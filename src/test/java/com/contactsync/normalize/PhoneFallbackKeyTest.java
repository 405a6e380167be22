package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PhoneFallbackKeyTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "+999 123 456|+999123456",
        "(+44) 20|+4420",
        "＋44 20|+4420",
        "0044 12|+4412",
        "(00) 44-12|+4412",
        "00|00",
        "555-0123|5550123",
        "0123|0123",
        "１２３|123",
        "+٩٩٩ ١٢٣|+999123",
        "1-800-FLOWERS|1800",
        "12 + 34|1234",
    })
    void plusAndDigitsWhenInternationalElseDigits(String text, String key) {
        assertThat(PhoneFallbackKey.of(text)).isEqualTo(key);
    }
}
