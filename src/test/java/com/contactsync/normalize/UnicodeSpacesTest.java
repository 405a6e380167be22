package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class UnicodeSpacesTest {

    @ParameterizedTest
    @ValueSource(chars = {' ', '\t', '\n', '\r', '\u000B', '\f', '\u0085', '\u00A0', '\u1680', '\u2000', '\u2005',
        '\u200A', '\u2028', '\u2029', '\u202F', '\u205F', '\u3000'})
    void recognizesSpaces(char c) {
        assertThat(UnicodeSpaces.isSpace(c)).isTrue();
        assertThat(UnicodeSpaces.strip(c + "a" + c)).isEqualTo("a");
    }

    @ParameterizedTest
    @ValueSource(chars = {'\u200B', '\u200C', '\u200D', '\u2060', '\uFEFF'})
    void recognizesZeroWidthCharacters(char c) {
        assertThat(UnicodeSpaces.isZeroWidth(c)).isTrue();
        assertThat(UnicodeSpaces.isSpace(c)).isFalse();
        assertThat(UnicodeSpaces.clean("a" + c + "b")).isEqualTo("ab");
    }

    @Test
    void cleanKeepsInnerSpacesAndReturnsTheSameInstanceWhenNothingChanged() {
        String s = "a b\u00A0c";
        assertThat(UnicodeSpaces.clean(s)).isSameAs(s);
        assertThat(UnicodeSpaces.clean(" \u200Ba\u200B \u200B")).isEqualTo("a");
    }

    @Test
    void blankMeansNullOrNothingVisible() {
        assertThat(UnicodeSpaces.isBlank(null)).isTrue();
        assertThat(UnicodeSpaces.isBlank("\u3000\u200B\n")).isTrue();
        assertThat(UnicodeSpaces.isBlank(" . ")).isFalse();
    }
}
