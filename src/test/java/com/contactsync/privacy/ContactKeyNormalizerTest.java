package com.contactsync.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ContactKeyNormalizerTest {

    private static final ContactKeyNormalizer KEYS =
            new ContactKeyNormalizer(new ContactNormalizer(NormalizerSettings.defaults()));

    @ParameterizedTest
    @ValueSource(strings = {"john@example.com", " John@Example.COM ", "<john@example.com>", "John Doe <JOHN@example.com>",
            "mailto:john@example.com", "john@example.com.", "\u200Bjohn@example.com\u00A0"})
    void everySpellingOfAnEmailGivesTheKeyTheJobStores(String input) {
        assertThat(KEYS.parse(ContactKey.Kind.EMAIL, input)).isEqualTo(new ContactKey(ContactKey.Kind.EMAIL, "john@example.com"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1 415-555-0123", "(415) 555-0123", "415.555.0123", "4155550123", "001 415 555 0123",
            "+1 415 555 0123 ext. 12"})
    void everyFormatOfAPhoneGivesItsE164WithoutExtension(String input) {
        assertThat(KEYS.parse(ContactKey.Kind.PHONE, input)).isEqualTo(new ContactKey(ContactKey.Kind.PHONE, "+14155550123"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "EMAIL|''|is required",
            "EMAIL|'  '|is required",
            "EMAIL|a@x.com, b@y.org|exactly one",
            "EMAIL|\u200B|nothing is left",
            "PHONE|no digits|nothing is left"})
    void inputWithoutExactlyOneContactIsRejectedWithoutEchoingIt(ContactKey.Kind kind, String input, String message) {
        assertThatThrownBy(() -> KEYS.parse(kind, input))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(message)
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("@x.com"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"EMAIL|john@example.com|j***@example.com", "PHONE|+14155550123|+1******0123"})
    void aKeyPrintsMasked(ContactKey.Kind kind, String value, String masked) {
        assertThat(new ContactKey(kind, value).toString()).endsWith(masked).doesNotContain(value);
    }
}
