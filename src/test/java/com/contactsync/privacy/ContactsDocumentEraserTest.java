package com.contactsync.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.Map;

/** Every tolerated shape, and some odd ones, with the exact document left after an erasure. */
class ContactsDocumentEraserTest {

    private static final ContactNormalizer NORMALIZER = new ContactNormalizer(NormalizerSettings.defaults());
    private static final ContactKeyNormalizer KEYS = new ContactKeyNormalizer(NORMALIZER);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Erasing {@code input} (typed by a person) from {@code before} of a profile in {@code country} leaves {@code after}. */
    record Case(String name, ContactKey.Kind kind, String input, String country, String before, String after,
                int entries, int mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Case> cases() {
        ContactKey.Kind email = ContactKey.Kind.EMAIL;
        ContactKey.Kind phone = ContactKey.Kind.PHONE;
        return List.of(
                new Case("array of strings", email, "john@example.com", null,
                        "{\"emails\":[\"john@example.com\",\"a@x.com\"]}", "{\"emails\":[\"a@x.com\"]}", 1, 0),
                new Case("every spelling the job normalizes the same", email, " John@Example.COM ", null,
                        "{\"emails\":[\" JOHN@Example.COM \",\"<john@example.com>\",\"John Doe <John@Example.com>\","
                                + "\"mailto:john@example.com.\",\"a@x.com\"]}",
                        "{\"emails\":[\"a@x.com\"]}", 4, 0),
                new Case("a single string under a singular key becomes null", email, "john@example.com", null,
                        "{\"email\":\"john@example.com\",\"phones\":[\"+14155550123\"]}",
                        "{\"email\":null,\"phones\":[\"+14155550123\"]}", 1, 0),
                new Case("separated string keeps the other entries and their separators", email, "john@example.com", null,
                        "{\"emails\":\"a@x.com; John@example.com, b@y.org\"}", "{\"emails\":\"a@x.com, b@y.org\"}", 1, 0),
                new Case("separated string whose every entry is it goes whole", email, "john@example.com", null,
                        "{\"emails\":\"john@example.com; JOHN@example.com\"}", "{\"emails\":null}", 2, 0),
                new Case("entry object goes whole, with its type", email, "john@example.com", null,
                        "{\"emails\":[{\"address\":\"john@example.com\",\"type\":\"work\"},{\"email\":\"a@x.com\"}]}",
                        "{\"emails\":[{\"email\":\"a@x.com\"}]}", 1, 0),
                new Case("entry object holding a separated string keeps the rest", email, "john@example.com", null,
                        "{\"emails\":[{\"email\":\"a@x.com, mailto:john@example.com\",\"type\":\"work\"}]}",
                        "{\"emails\":[{\"email\":\"a@x.com\",\"type\":\"work\"}]}", 1, 0),
                new Case("nested arrays", email, "john@example.com", null,
                        "{\"Emails\":[[\"john@example.com\"],[\"a@x.com\"]]}", "{\"Emails\":[[],[\"a@x.com\"]]}", 1, 0),
                new Case("JSON encoded twice is edited inside and encoded twice again", email, "john@example.com", null,
                        encode(encode("{\"emails\":[\"john@example.com\",\"a@x.com\"]}")),
                        encode(encode("{\"emails\":[\"a@x.com\"]}")), 1, 0),
                new Case("a mention under another key is cut out of its text", email, "john@example.com", null,
                        "{\"emails\":[\"a@x.com\"],\"notes\":\"write to John@example.com please\"}",
                        "{\"emails\":[\"a@x.com\"],\"notes\":\"write to  please\"}", 0, 1),
                new Case("text that is not JSON has the mention cut out", email, "john@example.com", null,
                        "{emails: [JOHN@example.com, a@x.com]", "{emails: [, a@x.com]", 0, 1),
                new Case("a top-level array (no rows) loses the element", email, "john@example.com", null,
                        "[\"john@example.com\",\"a@x.com\"]", "[\"a@x.com\"]", 0, 1),
                new Case("an unusable entry object loses the value", email, "john@example.com", null,
                        "{\"emails\":[{\"mail\":\"john@example.com\",\"type\":\"home\"}]}",
                        "{\"emails\":[{\"mail\":null,\"type\":\"home\"}]}", 0, 1),
                new Case("longer addresses that contain it stay", email, "n@example.com", null,
                        "{\"emails\":[\"ann@example.com\",\"n@example.com.au\",\"n@example.company\"]}",
                        "{\"emails\":[\"ann@example.com\",\"n@example.com.au\",\"n@example.company\"]}", 0, 0),
                new Case("internationalized domain in Unicode", email, "john@bücher.de", null,
                        "{\"emails\":[\"John@Bücher.de\"],\"notes\":\"john@bücher.de\"}", "{\"emails\":[],\"notes\":null}", 1, 1),
                new Case("numbers and other keys keep their form", email, "john@example.com", null,
                        "{\"emails\":[\"john@example.com\"],\"score\":1.50,\"big\":12345678901234567890}",
                        "{\"emails\":[],\"score\":1.50,\"big\":12345678901234567890}", 1, 0),
                new Case("phones in any format, as a number, with an extension", phone, "+1 415-555-0123", null,
                        "{\"phones\":[\"(415) 555-0123\",4155550123,{\"number\":\"415.555.0123\",\"ext\":\"12\"},"
                                + "\"001 415 555 0123\",\"+44 20 7946 0958\"]}",
                        "{\"phones\":[\"+44 20 7946 0958\"]}", 4, 0),
                new Case("a national number read with the profile's country", phone, "+44 20 7946 0958", "GB",
                        "{\"phones\":\"020 7946 0958, +1 415 555 0123\"}", "{\"phones\":\"+1 415 555 0123\"}", 1, 0),
                new Case("a phone in notes is cut out", phone, "4155550123", null,
                        "{\"phones\":[],\"notes\":\"call +1 (415) 555-0123 after 5\"}",
                        "{\"phones\":[],\"notes\":\"call  after 5\"}", 0, 1),
                new Case("other numbers stay, even with the same digits inside", phone, "4155550123", null,
                        "{\"phones\":[\"+1 415 555 0124\",\"14155550123999\"]}",
                        "{\"phones\":[\"+1 415 555 0124\",\"14155550123999\"]}", 0, 0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void erasesExactlyTheContact(Case c) {
        ContactKey key = KEYS.parse(c.kind(), c.input());
        ErasedDocument erased = new ContactsDocumentEraser(key, NORMALIZER).erase(c.before(), c.country());

        assertThat(erased.text()).isEqualTo(c.after());
        assertThat(erased.changed()).isEqualTo(!c.before().equals(c.after()));
        assertThat(erased.entriesRemoved()).as("entries removed").isEqualTo(c.entries());
        assertThat(erased.mentionsCut()).as("mentions cut").isEqualTo(c.mentions());
        assertThat(erased.remains()).as("still found").isFalse();
        if (!c.after().startsWith("{emails:")) {
            assertThat(NORMALIZER.normalize(erased.text(), c.country()).emails())
                    .noneMatch(row -> row.email().equals(key.value()));
        }
    }

    /** Erasing at the places issues recorded: {@code places} are "path" (CONTACT_UNMAPPED) or "path~" (CONTACT_MENTIONED). */
    record PlaceCase(String name, ContactKey.Kind kind, String input, String country, String before, List<String> places,
                     String after, int entries, int mentions) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<PlaceCase> placeCases() {
        ContactKey.Kind email = ContactKey.Kind.EMAIL;
        ContactKey.Kind phone = ContactKey.Kind.PHONE;
        return List.of(
                new PlaceCase("an unmapped value goes with its key, a mention becomes [erased]", email, "john@example.com", null,
                        "{\"emails\":[\"a@x.com\"],\"work_email\":\"John@Example.com\",\"notes\":\"ask John@example.com first\"}",
                        List.of("$.work_email", "$.notes~"), "{\"emails\":[\"a@x.com\"],\"notes\":\"ask [erased] first\"}", 1, 1),
                new PlaceCase("two elements of one array: removing one does not move the other", email, "john@example.com", null,
                        "{\"contact\":{\"others\":[{\"email\":\"john@example.com\"},\"x\",\"mailto:john@example.com\",\"y\"]}}",
                        List.of("$.contact.others[0].email", "$.contact.others[2]"), "{\"contact\":{\"others\":[{},\"x\",\"y\"]}}", 2, 0),
                new PlaceCase("a quoted key", email, "john@example.com", null,
                        "{\"e-mail\":\"john@example.com\",\"it's\":\"mail john@example.com\"}", List.of("$['e-mail']", "$['it\\'s']~"),
                        "{\"it's\":\"mail [erased]\"}", 1, 1),
                new PlaceCase("a phone mentioned in a document encoded as a string", phone, "+1 415 555 0123", "US",
                        encode("{\"bio\":\"call me on (415) 555-0123 after 6pm\",\"id\":\"c1\"}"), List.of("$.bio~"),
                        encode("{\"bio\":\"call me on [erased] after 6pm\",\"id\":\"c1\"}"), 0, 1),
                new PlaceCase("a place that no longer holds it is left to the scrub", email, "john@example.com", null,
                        "{\"work_email\":\"other@x.com\",\"notes\":\"john@example.com\"}", List.of("$.work_email", "$.nothing[3]"),
                        "{\"work_email\":\"other@x.com\",\"notes\":null}", 0, 1));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("placeCases")
    void erasesTheContactWhereItsIssuesRecordedIt(PlaceCase c) {
        ContactKey key = KEYS.parse(c.kind(), c.input());
        List<RecordedPlace> places = c.places().stream()
                .map(p -> p.endsWith("~") ? new RecordedPlace(p.substring(0, p.length() - 1), false) : new RecordedPlace(p, true))
                .toList();
        ErasedDocument erased = new ContactsDocumentEraser(key, NORMALIZER, Map.of(7L, places))
                .erase(7L, c.before(), c.country());

        assertThat(erased.text()).isEqualTo(c.after());
        assertThat(erased.entriesRemoved()).as("entries removed").isEqualTo(c.entries());
        assertThat(erased.mentionsCut()).as("mentions cut").isEqualTo(c.mentions());
        assertThat(erased.remains()).as("still found").isFalse();
        assertThat(NORMALIZER.normalize(erased.text(), c.country()).issues())
                .noneMatch(issue -> key.value().equals(issue.normalizedValue()));
    }

    private static String encode(String text) {
        try {
            return JSON.writeValueAsString(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
