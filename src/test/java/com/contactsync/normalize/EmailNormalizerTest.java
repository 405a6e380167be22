package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;

class EmailNormalizerTest {

    private final EmailNormalizer normalizer = new EmailNormalizer();

    private NormalizedEntry<EmailRow> normalize(String raw) {
        return normalizer.normalize(new RawEntry(3, raw, "work", "DE", "12", null));
    }

    private static List<QualityCode> codes(NormalizedEntry<EmailRow> entry) {
        return entry.issues().stream().map(QualityIssue::code).toList();
    }

    @Test
    void cleanAddressGivesARowAndNoIssues() {
        NormalizedEntry<EmailRow> entry = normalize("jane@example.com");

        assertThat(entry.row()).isEqualTo(new EmailRow("jane@example.com", "jane@example.com", "example.com", "work",
                true, 3));
        assertThat(entry.key()).isEqualTo("jane@example.com");
        assertThat(entry.issues()).isEmpty();
    }

    @Test
    void repairsAreReportedInPipelineOrderWithRawAndKey() {
        NormalizedEntry<EmailRow> entry = normalize("\u00A0Jane <Jane@Bücher.DE.>\u200B");

        assertThat(entry.key()).isEqualTo("jane@xn--bcher-kva.de");
        assertThat(codes(entry)).containsExactly(QualityCode.EMAIL_WHITESPACE, QualityCode.EMAIL_WRAPPED,
                QualityCode.EMAIL_TRAILING_PUNCTUATION, QualityCode.EMAIL_CASE, QualityCode.EMAIL_IDN);
        assertThat(entry.issues()).allSatisfy(issue -> {
            assertThat(issue.field()).isEqualTo("email");
            assertThat(issue.position()).isEqualTo(3);
            assertThat(issue.rawValue()).isEqualTo("\u00A0Jane <Jane@Bücher.DE.>\u200B");
            assertThat(issue.normalizedValue()).isEqualTo("jane@xn--bcher-kva.de");
        });
    }

    @Test
    void wrappingAndPunctuationAreUndoneInAnyOrder() {
        assertThat(normalize("mailto:<a@x.com>.").key()).isEqualTo("a@x.com");
        assertThat(normalize("<a@x.com.>;").key()).isEqualTo("a@x.com");
    }

    @ParameterizedTest
    @ValueSource(strings = {"a@localhost", "a@com", "a b@x.com", "a\u00A0b@x.com", "\"a b\"@x.com",
        "\"a\u0001b\"@x.com", "a..b@x.com", "a@x..com", "a@-x.com", "a@x.invalidtld"})
    void invalidAddressesStillGiveRows(String raw) {
        NormalizedEntry<EmailRow> entry = normalize(raw);

        assertThat(entry.row()).isNotNull();
        assertThat(entry.row().valid()).isFalse();
        assertThat(codes(entry)).contains(QualityCode.EMAIL_INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"first.last+tag@sub.example.co.uk", "o'brien@example.ie", "user@xn--bcher-kva.de",
        "josé@example.com", "a@example.museum", "x@[192.168.0.1]"})
    void validatorAcceptsRealWorldAddresses(String raw) {
        assertThat(normalize(raw).row().valid()).isTrue();
    }

    @Test
    void addressLongerThan320CharactersIsInvalidWithoutValidation() {
        String raw = "a".repeat(64) + "@" + "b".repeat(60) + "." + "c".repeat(60) + "." + "d".repeat(60) + "."
                + "e".repeat(60) + "." + "f".repeat(20) + ".com";

        assertThat(raw.length()).isGreaterThan(320);
        assertThat(normalize(raw).row().valid()).isFalse();
    }

    @Test
    void domainIsNullWithoutAtSignOrWithNothingAfterIt() {
        assertThat(normalize("john").row().domain()).isNull();
        assertThat(normalize("john@").row().domain()).isNull();
        assertThat(normalize("a@b@x.com").row().domain()).isEqualTo("x.com");
    }

    @Test
    void typoSuggestionKeepsTheLocalPartAndDoesNotChangeTheRow() {
        NormalizedEntry<EmailRow> entry = normalize("Jane.Doe@Hotmial.com");

        assertThat(entry.row().email()).isEqualTo("jane.doe@hotmial.com");
        assertThat(entry.issues()).last().isEqualTo(new QualityIssue("email", 3, QualityCode.EMAIL_DOMAIN_TYPO,
                "Jane.Doe@Hotmial.com", "jane.doe@hotmial.com", "jane.doe@hotmail.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "\u200B", "<>", "mailto:", "...", " ; "})
    void nothingLeftIsEmptyAndGivesNoRow(String raw) {
        NormalizedEntry<EmailRow> entry = normalize(raw);

        assertThat(entry.row()).isNull();
        assertThat(entry.key()).isNull();
        assertThat(entry.issues())
                .containsExactly(new QualityIssue("email", 3, QualityCode.EMAIL_EMPTY, raw, null, null));
    }

    @Test
    void nullIsEmpty() {
        assertThat(normalize(null).issues())
                .containsExactly(new QualityIssue("email", 3, QualityCode.EMAIL_EMPTY, null, null, null));
    }
}
