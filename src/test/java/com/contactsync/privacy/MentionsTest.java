package com.contactsync.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Finding a contact inside free text: every usual spelling, and never a part of a longer one. */
class MentionsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "mail John@Example.COM today|mail  today",
            "\"Doe, John\" <john@example.com>|\"Doe, John\" <>",
            "mailto:john@example.com.|mailto:.",
            "{\"e\":\"john@example.com\"}|{\"e\":\"\"}",
            "ann@example.com|ann@example.com",
            "john@example.com.au|john@example.com.au",
            "john@example.company|john@example.company",
            "x.john@example.com|x.john@example.com",
            "john@example.com-x.org|john@example.com-x.org"})
    void emailMentionsRespectAddressBoundaries(String text, String afterCut) {
        EmailMentions mentions = new EmailMentions("john@example.com");

        assertThat(mentions.cut(text)).isEqualTo(afterCut);
        assertThat(mentions.in(text)).isEqualTo(!text.equals(afterCut));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "+14155550123|''",
            "call +1 (415) 555-0123 now|call  now",
            "tel 001 415 555 0123|'tel '",
            "(415) 555 0123|''",
            "415.555.0123 / 415-555-0199|' / 415-555-0199'",
            "\"phone\":\"4155550123\"|\"phone\":\"\"",
            "94155550123|94155550123",
            "41555501234|41555501234",
            "+44 415 555 0123|+44 415 555 0123"})
    void phoneMentionsFindTheNationalDigitsWithAnySeparators(String text, String afterCut) {
        PhoneMentions mentions = new PhoneMentions("+14155550123");

        assertThat(mentions.cut(text)).isEqualTo(afterCut);
        assertThat(mentions.in(text)).isEqualTo(!text.equals(afterCut));
        assertThat(mentions.needles()).containsExactly("4155550123");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"123|true", " 123 |true", "call 123|false", "1234 5|false"})
    void shortNumbersOnlyCountAsTheWholeText(String text, boolean found) {
        assertThat(new PhoneMentions("123").in(text)).isEqualTo(found);
    }
}
