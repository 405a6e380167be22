package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.net.IDN;

class PunycodeTest {

    @ParameterizedTest
    @CsvSource({
        "bücher, bcher-kva",
        "münchen, mnchen-3ya",
        "straße, strae-oqa",
        "faß, fa-hia",
        // RFC 3492 section 7.1, samples (F) and (L)
        "Pročprostěnemluvíčesky, Proprostnemluvesky-uyb24dma41a",
        "3年B組金八先生, 3B-ww4c5e180e575a65lsy2b",
        "例え, r8jz45g",
        "abc, abc-",
    })
    void encodesLikeRfc3492(String label, String encoded) {
        assertThat(Punycode.encode(label)).isEqualTo(encoded);
    }

    @ParameterizedTest
    @CsvSource({"bücher", "日本語", "ελληνικά", "мойдомен"})
    void agreesWithJavaNetIdnForLabelsIdnaDoesNotMap(String label) {
        assertThat("xn--" + Punycode.encode(label)).isEqualTo(IDN.toASCII(label));
    }
}
