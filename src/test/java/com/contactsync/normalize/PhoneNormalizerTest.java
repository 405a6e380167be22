package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PhoneNormalizerTest {

    private final PhoneNormalizer normalizer = new PhoneNormalizer();

    private NormalizedEntry<PhoneRow> normalize(String raw, String entryRegion, String extension, String context) {
        return normalizer.normalize(new RawEntry(2, raw, "mobile", entryRegion, extension, null), context);
    }

    private NormalizedEntry<PhoneRow> normalize(String raw) {
        return normalize(raw, null, null, "US");
    }

    @Test
    void validNumberIsE164WithItsRegionTypeAndPosition() {
        NormalizedEntry<PhoneRow> entry = normalize("+14155550123");

        assertThat(entry.row()).isEqualTo(new PhoneRow("+14155550123", "", "+14155550123", "US", "mobile", true, 2));
        assertThat(entry.key()).isEqualTo("+14155550123");
        assertThat(entry.issues()).isEmpty();
    }

    @Test
    void reformattingIsJudgedOnTheRawTextTrimmedOnly() {
        assertThat(normalize("\u00A0+14155550123\t").issues()).isEmpty();
        assertThat(normalize("+1 4155550123").issues()).extracting(QualityIssue::code)
                .containsExactly(QualityCode.PHONE_REFORMATTED);
        assertThat(normalize("+1415555\u200B0123").issues()).extracting(QualityIssue::code)
                .containsExactly(QualityCode.PHONE_REFORMATTED);
    }

    @Test
    void regionComesFromTheEntryBeforeTheContext() {
        assertThat(normalize("020 7946 0018", "gb", null, "US").row().phone()).isEqualTo("+442079460018");
        assertThat(normalize("020 7946 0018", "nowhere", null, "GB").row().phone()).isEqualTo("+442079460018");
        assertThat(normalize("020 7946 0018", null, null, "US").row().valid()).isFalse();
    }

    @Test
    void countryOfAValidNumberIsTheNumbersOwn() {
        assertThat(normalize("+1 613 555 0123", "DE", null, "FR").row().country()).isEqualTo("CA");
        assertThat(normalize("+800 1234 5678").row().country()).isNull();
    }

    @Test
    void extensionComesFromTheTextThenTheLibraryThenTheField() {
        assertThat(normalize("+14155550123 x7", null, "9", "US").row().extension()).isEqualTo("7");
        assertThat(normalize("+14155550123 доб. 8", null, "9", "US").row().extension()).isEqualTo("8");
        assertThat(normalize("+14155550123", null, "ext 9", "US").row().extension()).isEqualTo("9");
        assertThat(normalize("+14155550123", null, "none", "US").row().extension()).isEmpty();
    }

    @Test
    void issueNormalizedValueCarriesTheExtension() {
        assertThat(normalize("415 555 0123 ext. 42").issues()).containsExactly(new QualityIssue("phone", 2,
                QualityCode.PHONE_REFORMATTED, "415 555 0123 ext. 42", "+14155550123;ext=42", null));
    }

    @Test
    void invalidNumberKeepsFallbackKeyAndParsingRegion() {
        NormalizedEntry<PhoneRow> entry = normalize("555-0123", null, null, "CA");

        assertThat(entry.row()).isEqualTo(new PhoneRow("5550123", "", "555-0123", "CA", "mobile", false, 2));
        assertThat(entry.issues()).extracting(QualityIssue::code).containsExactly(QualityCode.PHONE_INVALID);
    }

    @Test
    void invalidNumberWithAnotherCallingCodeGetsThatCodesRegion() {
        assertThat(normalize("+49 12").row().country()).isEqualTo("DE");
        assertThat(normalize("+44 20").row().country()).isEqualTo("GB");
    }

    @Test
    void extensionTheLibraryFindsStaysOutOfTheFallbackKey() {
        NormalizedEntry<PhoneRow> entry = normalize("555 01 доб. 77");

        assertThat(entry.row().phone()).isEqualTo("55501");
        assertThat(entry.row().extension()).isEqualTo("77");
    }

    @Test
    void doubleZeroPrefixIsReadAsInternational() {
        assertThat(normalize("0033 1 23 45 67 89").row())
                .isEqualTo(new PhoneRow("+33123456789", "", "0033 1 23 45 67 89", "FR", "mobile", true, 2));
        assertThat(normalize("0033 1 23 45 67 89", null, null, "FR").row().phone()).isEqualTo("+33123456789");
    }

    @Test
    void unparseableNumberKeepsFallbackKeyAndParsingRegion() {
        NormalizedEntry<PhoneRow> entry = normalize("+999 555", null, null, "JP");

        assertThat(entry.row()).isEqualTo(new PhoneRow("+999555", "", "+999 555", "JP", "mobile", false, 2));
        assertThat(entry.issues()).extracting(QualityIssue::code).containsExactly(QualityCode.PHONE_UNPARSEABLE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "n/a", "unknown", "+", "()-", "ext. 12", "\u200B"})
    void noNumberDigitsGivesNoRow(String raw) {
        NormalizedEntry<PhoneRow> entry = normalize(raw);

        assertThat(entry.row()).isNull();
        assertThat(entry.issues()).containsExactly(new QualityIssue("phone", 2, QualityCode.PHONE_NO_DIGITS, raw, null,
                null));
    }

    @Test
    void nullIsNoDigits() {
        assertThat(normalize(null).issues()).extracting(QualityIssue::code)
                .containsExactly(QualityCode.PHONE_NO_DIGITS);
    }
}
