package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import java.util.ArrayList;
import java.util.List;
import java.util.StringJoiner;

/** Cases too big to write by hand: huge arrays against the cap, limits of the parser, very long values. */
@Timeout(60)
class ContactNormalizerGeneratedCasesTest {

    private static final ContactNormalizer DEFAULTS = new ContactNormalizer(NormalizerSettings.defaults());

    @Test
    void fifteenHundredEmailsAreCutToTheDefaultThousand() {
        StringJoiner json = new StringJoiner(",", "{\"emails\":[", "]}");
        List<EmailRow> expected = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            json.add("\"user" + i + "@example.com\"");
            if (i < 1000) {
                expected.add(new EmailRow("user" + i + "@example.com", "user" + i + "@example.com", "example.com", null,
                        true, i));
            }
        }

        NormalizedContacts result = DEFAULTS.normalize(json.toString(), null);

        assertThat(result.emails()).containsExactlyElementsOf(expected);
        assertThat(result.phones()).isEmpty();
        assertThat(result.issues()).containsExactly(new QualityIssue("email", -1, QualityCode.CONTACTS_TRUNCATED, null,
                "500", "kept the first 1000 of 1500 email entries; 500 dropped"));
    }

    @Test
    void fifteenHundredPhonesAreCutToTheDefaultThousand() {
        StringJoiner json = new StringJoiner(",", "{\"phones\":[", "]}");
        List<PhoneRow> expected = new ArrayList<>();
        for (int i = 0; i < 1500; i++) {
            String e164 = "+1201555" + String.format("%04d", i);
            json.add("\"" + e164 + "\"");
            if (i < 1000) {
                expected.add(new PhoneRow(e164, "", e164, "US", null, true, i));
            }
        }

        NormalizedContacts result = DEFAULTS.normalize(json.toString(), null);

        assertThat(result.phones()).containsExactlyElementsOf(expected);
        assertThat(result.issues()).containsExactly(new QualityIssue("phone", -1, QualityCode.CONTACTS_TRUNCATED, null,
                "500", "kept the first 1000 of 1500 phone entries; 500 dropped"));
    }

    @Test
    void smallCustomCapCutsEachKindOnItsOwnAndCountsNestedEntries() {
        ContactNormalizer capThree = new ContactNormalizer(new NormalizerSettings("DE", 3));
        String json = "{\"emails\":[[\"a@x.de\",\"b@x.de\"],[\"c@x.de\",[\"d@x.de\",\"e@x.de\"]]],"
                + "\"phones\":[\"030 123456\",\"030 1234567\",\"030 12345678\",\"030 123456789\"]}";

        NormalizedContacts result = capThree.normalize(json, null);

        assertThat(result.emails()).extracting(EmailRow::email).containsExactly("a@x.de", "b@x.de", "c@x.de");
        assertThat(result.phones()).extracting(PhoneRow::phone)
                .containsExactly("+4930123456", "+49301234567", "+493012345678");
        assertThat(result.issues()).filteredOn(i -> i.code() == QualityCode.CONTACTS_TRUNCATED).containsExactly(
                new QualityIssue("email", -1, QualityCode.CONTACTS_TRUNCATED, null, "2",
                        "kept the first 3 of 5 email entries; 2 dropped"),
                new QualityIssue("phone", -1, QualityCode.CONTACTS_TRUNCATED, null, "1",
                        "kept the first 3 of 4 phone entries; 1 dropped"));
    }

    @Test
    void hugeListStringIsCutWithoutProcessingTheRest() {
        StringJoiner list = new StringJoiner(";");
        for (int i = 0; i < 100_000; i++) {
            list.add("u" + i + "@x.com");
        }
        ContactNormalizer capTwo = new ContactNormalizer(new NormalizerSettings("US", 2));

        NormalizedContacts result = capTwo.normalize("{\"emails\":\"" + list + "\"}", null);

        assertThat(result.emails()).extracting(EmailRow::email).containsExactly("u0@x.com", "u1@x.com");
        assertThat(result.issues()).containsExactly(new QualityIssue("email", -1, QualityCode.CONTACTS_TRUNCATED, null,
                "99998", "kept the first 2 of 100000 email entries; 99998 dropped"));
    }

    @Test
    void rawValueOfMalformedContactsIsCappedAt200Characters() {
        String text = "{\"emails\": [" + "\"a@x.com\", ".repeat(40);

        NormalizedContacts result = DEFAULTS.normalize(text, null);

        assertThat(text.length()).isGreaterThan(400);
        assertThat(result.issues()).singleElement().satisfies(issue -> {
            assertThat(issue.code()).isEqualTo(QualityCode.CONTACTS_MALFORMED);
            assertThat(issue.rawValue()).isEqualTo(text.substring(0, 200));
        });
    }

    @Test
    void capDoesNotCutASurrogatePairInTwo() {
        String text = "x".repeat(199) + "\uD83D\uDE00" + "garbage";

        QualityIssue issue = DEFAULTS.normalize(text, null).issues().get(0);

        assertThat(issue.rawValue()).isEqualTo("x".repeat(199));
    }

    @Test
    void nestingDeeperThanTheParserAllowsIsMalformed() {
        String text = "{\"emails\":" + "[".repeat(100) + "]".repeat(100) + "}";

        NormalizedContacts result = DEFAULTS.normalize(text, null);

        assertThat(result.issues()).containsExactly(new QualityIssue("contacts", -1, QualityCode.CONTACTS_MALFORMED,
                text.substring(0, 200), null, "exceeds parser limits: Document nesting depth (65) exceeds the maximum"
                + " allowed (64, from `StreamReadConstraints.getMaxNestingDepth()`)"));
    }

    @Test
    void nestingUpToTheLimitIsFlattened() {
        String text = "{\"emails\":" + "[".repeat(63) + "\"a@x.com\"" + "]".repeat(63) + "}";

        assertThat(DEFAULTS.normalize(text, null).emails())
                .containsExactly(new EmailRow("a@x.com", "a@x.com", "x.com", null, true, 0));
    }

    @Test
    void jsonEncodedTenTimesIsAnUnexpectedShape() throws Exception {
        String text = "{\"phone\":\"+14155550123\"}";
        for (int i = 1; i < 10; i++) {
            text = TableCase.JSON.writeValueAsString(text);
        }

        NormalizedContacts result = DEFAULTS.normalize(text, null);

        assertThat(result.issues()).containsExactly(new QualityIssue("contacts", -1,
                QualityCode.CONTACTS_UNEXPECTED_SHAPE, StoredText.cap(text, 200), null,
                "JSON encoded as a string more than 8 times"));
    }

    @Test
    void contactsTextOverTheSizeLimitIsMalformedWithoutParsing() {
        String text = "{\"emails\":\"" + "a".repeat(ContactsJsonReader.MAX_TEXT_CHARS) + "\"}";

        NormalizedContacts result = DEFAULTS.normalize(text, null);

        assertThat(result.issues()).containsExactly(new QualityIssue("contacts", -1, QualityCode.CONTACTS_MALFORMED,
                text.substring(0, 200), null, "contacts text longer than 16777216 characters"));
    }

    @Test
    void overlongEmailIsAnInvalidRow() {
        String email = "a".repeat(300) + "@example.com";

        NormalizedContacts result = DEFAULTS.normalize("{\"emails\":[\"" + email + "\"]}", null);

        assertThat(result.emails()).containsExactly(new EmailRow(email, email, "example.com", null, false, 0));
        assertThat(result.issues()).containsExactly(
                new QualityIssue("email", 0, QualityCode.EMAIL_INVALID, email, email, null, "$.emails[0]"));
    }

    @Test
    void megabyteSizedEntriesAreHandledQuickly() {
        String manyAts = "a@ ".repeat(300_000);
        String longDomain = "x@" + "y.".repeat(200_000) + "com";
        String longPhone = "1 x".repeat(300_000);
        String json = "{\"emails\":[\"" + manyAts + "\",\"" + longDomain + "\"],\"phones\":[\"" + longPhone + "\"]}";

        NormalizedContacts result = DEFAULTS.normalize(json, null);

        assertThat(result.emails()).extracting(EmailRow::valid).containsExactly(false, false);
        assertThat(result.phones()).singleElement().satisfies(p -> {
            assertThat(p.valid()).isFalse();
            assertThat(p.extension()).isEmpty();
        });
    }
}
