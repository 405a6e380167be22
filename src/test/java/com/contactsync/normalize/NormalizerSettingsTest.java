package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NormalizerSettingsTest {

    @Test
    void defaultsAreUsAndAThousand() {
        assertThat(NormalizerSettings.defaults()).isEqualTo(new NormalizerSettings("US", 1000));
    }

    @Test
    void regionIsUpperCasedAndTrimmed() {
        assertThat(new NormalizerSettings(" gb ", 5).defaultRegion()).isEqualTo("GB");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "U", "USA", "XX", "001", "ZZ", "1"})
    void rejectsRegionsLibphonenumberDoesNotSupport(String region) {
        assertThatThrownBy(() -> new NormalizerSettings(region, 10))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("defaultRegion").hasMessageContaining("\"" + region + "\"");
    }

    @Test
    void rejectsNullRegion() {
        assertThatThrownBy(() -> new NormalizerSettings(null, 10))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("defaultRegion");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, Integer.MIN_VALUE})
    void rejectsNonPositiveCaps(int max) {
        assertThatThrownBy(() -> new NormalizerSettings("US", max))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxEntriesPerKind must be > 0, got " + max);
    }
}
