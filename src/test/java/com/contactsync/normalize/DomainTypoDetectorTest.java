package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class DomainTypoDetectorTest {

    private final DomainTypoDetector detector = new DomainTypoDetector();

    @ParameterizedTest
    @CsvSource({
        "gmial.com, gmail.com", "gmai.com, gmail.com", "gmail.con, gmail.com", "gmail.co, gmail.com",
        "gamil.com, gmail.com", "gmaill.com, gmail.com", "gmail.cm, gmail.com", "gmail.om, gmail.com",
        "hotmial.com, hotmail.com", "hotmail.con, hotmail.com", "hotmal.com, hotmail.com", "homail.com, hotmail.com",
        "yaho.com, yahoo.com", "yahooo.com, yahoo.com", "yhaoo.com, yahoo.com", "outlok.com, outlook.com",
        "outllok.com, outlook.com", "iclod.com, icloud.com", "icoud.com, icloud.com", "googlemial.com, googlemail.com",
        "gmial.con, gmail.com", "aol.con, aol.com", "example.con, example.com", "example.cmo, example.com",
        "example.comm, example.com", "shop.example.nte, shop.example.net", "example.ogr, example.org",
        "comcast.nte, comcast.net", "hotmail.co.uj, hotmail.co.uk",
    })
    void suggestsTheIntendedDomain(String typo, String intended) {
        assertThat(detector.suggest(typo)).isEqualTo(intended);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "gmail.com", "mail.com", "email.com", "ymail.com", "hotmail.fr", "hotmail.ca", "hotmail.co.uk", "yahoo.de",
        "outlook.de", "live.com", "gmx.de", "gmx.net", "aol.com", "me.com", "cloud.com", "example.com", "example.om",
        "example.co", "corp.example", "localhost", "xn--bcher-kva.de", "gmail", "aon.com", "sol.com",
    })
    void leavesRealAndUnrelatedDomainsAlone(String domain) {
        assertThat(detector.suggest(domain)).isNull();
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ".", ".con", "a.", "com.", "gmail.com.gmail.com.gmail.com.gmail.com.gmail.com"})
    void copesWithOddDomains(String domain) {
        assertThat(detector.suggest(domain)).isNull();
    }
}
