package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class IdnDomainTest {

    @ParameterizedTest
    @CsvSource({
        "bücher.de, xn--bcher-kva.de",
        "mail.bücher.de, mail.xn--bcher-kva.de",
        "例え.jp, xn--r8jz45g.jp",
        "bücher\u3002de, xn--bcher-kva.de",
        "straße.de, xn--strae-oqa.de",
        "mail.straße.bücher.de, mail.xn--strae-oqa.xn--bcher-kva.de",
        "faß.de, xn--fa-hia.de",
    })
    void convertsToAscii(String unicode, String ascii) {
        assertThat(IdnDomain.toAscii(unicode)).isEqualTo(ascii);
    }

    @Test
    void asciiDomainIsReturnedAsIs() {
        String domain = "example.com";
        assertThat(IdnDomain.toAscii(domain)).isSameAs(domain);
    }

    @Test
    void unconvertibleDomainIsReturnedAsIs() {
        String tooLongLabel = "ü".repeat(70) + ".de";
        String tooLongSharpS = "ß".repeat(70) + ".de";

        assertThat(IdnDomain.toAscii(tooLongLabel)).isEqualTo(tooLongLabel);
        assertThat(IdnDomain.toAscii(tooLongSharpS)).isEqualTo(tooLongSharpS);
    }
}
