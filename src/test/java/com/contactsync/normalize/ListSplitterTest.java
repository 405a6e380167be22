package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ListSplitterTest {

    @Test
    void splitsEmailsOnCommasAndSemicolonsTrimmingAsciiSpaceAtSeparators() {
        assertThat(ListSplitter.split(" a@x.com , b@x.com;c@x.com\t", ContactKind.EMAIL))
                .containsExactly(" a@x.com", "b@x.com", "c@x.com\t");
    }

    @Test
    void doesNotSplitEmailsInsideQuotesOrAngleBrackets() {
        assertThat(ListSplitter.split("\"Doe, Jane\" <jane@x.com>, <b;c@x.com>, \"a\\\";b\" <d@x.com>",
                ContactKind.EMAIL))
                .containsExactly("\"Doe, Jane\" <jane@x.com>", "<b;c@x.com>", "\"a\\\";b\" <d@x.com>");
    }

    @Test
    void dropsEmptyPiecesButKeepsUnicodeSpacePieces() {
        assertThat(ListSplitter.split("a@x.com,, ;\u00A0;b@x.com", ContactKind.EMAIL))
                .containsExactly("a@x.com", "\u00A0", "b@x.com");
    }

    @Test
    void fewerThanTwoPiecesGiveTheWholeString() {
        String trailing = "a@x.com; ";
        String leading = ",a@x.com";
        String onlySeparators = ";;";
        assertThat(ListSplitter.split(trailing, ContactKind.EMAIL)).containsExactly(trailing);
        assertThat(ListSplitter.split(leading, ContactKind.EMAIL)).containsExactly(leading);
        assertThat(ListSplitter.split(onlySeparators, ContactKind.EMAIL)).containsExactly(onlySeparators);
    }

    @Test
    void stringWithoutSeparatorIsTheSameInstance() {
        String s = " a@x.com ";
        assertThat(ListSplitter.split(s, ContactKind.EMAIL).get(0)).isSameAs(s);
    }

    @Test
    void doesNotSplitPhonesBeforeAnExtension() {
        assertThat(ListSplitter.split("+14155550123;ext=12, 415-555-0124, ext. 7; 415 555 0125 ,x9;#3",
                ContactKind.PHONE))
                .containsExactly("+14155550123;ext=12", "415-555-0124, ext. 7", "415 555 0125 ,x9;#3");
    }

    @Test
    void splitsPhonesOnSeparatorsFollowedByNumbers() {
        assertThat(ListSplitter.split("415-555-0123, 415-555-0124;+44 20 7946 0018", ContactKind.PHONE))
                .containsExactly("415-555-0123", "415-555-0124", "+44 20 7946 0018");
    }

    @Test
    void emailsAreSplitEvenWhereAPhoneWouldNotBe() {
        assertThat(ListSplitter.split("a@x.com, x@y.com", ContactKind.EMAIL)).containsExactly("a@x.com", "x@y.com");
    }
}
