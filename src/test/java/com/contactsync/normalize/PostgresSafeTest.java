package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.List;

class PostgresSafeTest {

    @Test
    void replacesNulInEveryString() {
        NormalizedContacts withNul = new NormalizedContacts(
                List.of(new EmailRow("a\u0000", "b\u0000", "c\u0000", "d\u0000", false, 0)),
                List.of(new PhoneRow("1", "", "e\u0000", "US", "f\u0000", false, 0)),
                List.of(new QualityIssue("email", 0, QualityCode.EMAIL_INVALID, "g\u0000", "h\u0000", "i\u0000")));

        assertThat(PostgresSafe.of(withNul)).isEqualTo(new NormalizedContacts(
                List.of(new EmailRow("a\uFFFD", "b\uFFFD", "c\uFFFD", "d\uFFFD", false, 0)),
                List.of(new PhoneRow("1", "", "e\uFFFD", "US", "f\uFFFD", false, 0)),
                List.of(new QualityIssue("email", 0, QualityCode.EMAIL_INVALID, "g\uFFFD", "h\uFFFD", "i\uFFFD"))));
    }

    @Test
    void returnsTheSameInstanceWithoutNul() {
        NormalizedContacts clean = new NormalizedContacts(
                List.of(new EmailRow("a@x.com", "a@x.com", "x.com", null, true, 0)), List.of(), List.of());

        assertThat(PostgresSafe.of(clean)).isSameAs(clean);
    }

    @Test
    void capKeepsSurrogatePairsWhole() {
        assertThat(StoredText.cap("ab\uD83D\uDE00", 3)).isEqualTo("ab");
        assertThat(StoredText.cap("abc", 3)).isEqualTo("abc");
        assertThat(StoredText.cap(null, 3)).isNull();
    }
}
