package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class EmailUnwrapperTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "<a@x.com>|a@x.com",
        "Jane Doe <a@x.com>|a@x.com",
        "\"Doe, Jane\" <a@x.com>|a@x.com",
        "\"a <b>\" <a@x.com>|a@x.com",
        "mailto:a@x.com|a@x.com",
        "MailTo:a@x.com?subject=hi&body=x|a@x.com",
        "<mailto:a@x.com>|mailto:a@x.com",
        "< a@x.com >|' a@x.com '",
    })
    void unwrapsOneLayer(String wrapped, String inner) {
        assertThat(EmailUnwrapper.unwrap(wrapped)).isEqualTo(inner);
    }

    @Test
    void leavesUnwrappedTextAsTheSameInstance() {
        for (String s : new String[] {"a@x.com", "a@x.com>", "<a@x.com", "a?b@x.com", "Jane <a@x.com> (work)"}) {
            assertThat(EmailUnwrapper.unwrap(s)).isSameAs(s);
        }
    }
}
