package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionResolverTest {

    @ParameterizedTest
    @CsvSource({
        "US, US", "us, US", "' gb ', GB", "UK, GB", "uk, GB", "DEU, DE", "fra, FR", "JPN, JP",
        "44, GB", "+44, GB", "1, US", "+1, US", "49, DE", "+55, BR", "91, IN",
    })
    void resolvesWhatPeopleWrite(String text, String region) {
        assertThat(RegionResolver.resolve(text)).isEqualTo(region);
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "  ", "XX", "ZZ", "001", "800", "+800", "999", "Germany", "U", "USAA", "+", "++44",
        "4 4", "١"})
    void givesNullForAnythingElse(String text) {
        assertThat(RegionResolver.resolve(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"GB, GB", "001, ", "ZZ, ", ", "})
    void supportedOrNullDropsNonGeographicAndUnknown(String region, String expected) {
        assertThat(RegionResolver.supportedOrNull(region)).isEqualTo(expected);
    }
}
