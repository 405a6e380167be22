package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

/** Ten thousand random inputs with a fixed seed: nothing throws and every result keeps its invariants. */
@Timeout(120)
class ContactNormalizerFuzzTest {

    private static final int RUNS = 10_000;
    private static final int CAP = 50;
    private static final String[] FRAGMENTS = {
        "{", "}", "[", "]", ",", ":", "\"", "\\\"", "\\u0000", "\\uD800", "null", "true", "1e999", "-0", "4155550123",
        "\"emails\"", "\"phones\"", "\"email\"", "\"phone\"", "\"type\"", "\"ext\"", "\"country\"", "\"number\"",
        "\"a@x.com\"", "\"A@GMIAL.con\"", "\"<b@x.com>\"", "\"mailto:c@x.com?x\"", "\"user@bücher.de\"",
        "\"+44 20 7946 0018\"", "\"0044 12\"", "\"x123\"", "\"; ext=5\"", "\"\u00A0\u200B\"", "\"a,b;c\"",
        "\"\\\"{}\\\"\"", "\"GB\"", "\"+44\"", " ", "\n", "\uFEFF", "\uD83D\uDE00",
    };

    private final ContactNormalizer normalizer = new ContactNormalizer(new NormalizerSettings("US", CAP));
    private final Random random = new Random(20240607L);

    @Test
    void randomInputsNeverThrowAndKeepInvariants() {
        List<TableCase> seeds = TableCase.load("/normalize/cases.json");
        int withRows = 0;
        for (int run = 0; run < RUNS; run++) {
            String input = switch (run % 5) {
                case 0 -> randomBytes();
                case 1 -> randomChars();
                case 2 -> fragmentSoup();
                case 3 -> mutate(seeds.get(random.nextInt(seeds.size())).text());
                default -> randomContactsJson();
            };
            String country = random.nextInt(4) == 0 ? randomChars() : null;
            String context = "run " + run + " input " + input;
            NormalizedContacts[] result = new NormalizedContacts[1];
            assertThatCode(() -> result[0] = normalizer.normalize(input, country))
                    .as(context).doesNotThrowAnyException();
            checkInvariants(result[0]);
            if (!result[0].emails().isEmpty() || !result[0].phones().isEmpty()) {
                withRows++;
            }
        }
        // The inputs must reach the normalizers, not only the JSON parser.
        assertThat(withRows).isGreaterThan(RUNS / 10);
    }

    private static void checkInvariants(NormalizedContacts result) {
        assertThat(result.emails().size()).isLessThanOrEqualTo(CAP);
        assertThat(result.phones().size()).isLessThanOrEqualTo(CAP);
        Set<String> emails = new HashSet<>();
        int lastPosition = -1;
        for (EmailRow row : result.emails()) {
            assertThat(emails.add(row.email())).as("unique email %s", row.email()).isTrue();
            assertThat(row.position()).isGreaterThan(lastPosition).isLessThan(CAP);
            lastPosition = row.position();
            assertNoNul(row.email(), row.emailRaw(), row.domain(), row.type());
        }
        Set<String> phones = new HashSet<>();
        lastPosition = -1;
        for (PhoneRow row : result.phones()) {
            assertThat(phones.add(row.phone() + ";" + row.extension())).as("unique phone").isTrue();
            assertThat(row.position()).isGreaterThan(lastPosition).isLessThan(CAP);
            lastPosition = row.position();
            assertThat(row.extension()).isNotNull().matches("[0-9]*");
            assertThat(row.phone()).matches("\\+?[0-9]*");
            assertNoNul(row.phoneRaw(), row.type());
        }
        for (QualityIssue issue : result.issues()) {
            assertThat(issue.field()).isIn("email", "phone", "contacts");
            assertThat(issue.position() == -1).isEqualTo(issue.field().equals("contacts")
                    || issue.code() == QualityCode.CONTACTS_TRUNCATED);
            if (issue.field().equals("contacts")) {
                assertThat(result.emails()).isEmpty();
                assertThat(result.phones()).isEmpty();
                assertThat(issue.rawValue() == null ? 0 : issue.rawValue().length()).isLessThanOrEqualTo(200);
            }
            assertNoNul(issue.rawValue(), issue.normalizedValue(), issue.suggestion());
            assertThat(issue.suggestion() == null || !issue.suggestion().startsWith("internal error"))
                    .as("no internal error: %s", issue).isTrue();
        }
    }

    private static void assertNoNul(String... values) {
        for (String value : values) {
            assertThat(value == null || value.indexOf('\u0000') < 0).as("no NUL in %s", value).isTrue();
        }
    }

    /** Well-formed JSON in the supported shapes holding messy values, sometimes encoded twice. */
    private String randomContactsJson() {
        ObjectNode root = TableCase.JSON.createObjectNode();
        String[] keys = {"emails", "Email", "phones", "PHONE", "other"};
        for (int i = random.nextInt(4); i >= 0; i--) {
            root.set(keys[random.nextInt(keys.length)], randomValue(0));
        }
        String json = root.toString();
        return random.nextInt(5) == 0 ? TextNode.valueOf(json).toString() : json;
    }

    private JsonNode randomValue(int depth) {
        int kind = random.nextInt(depth > 2 ? 3 : 6);
        return switch (kind) {
            case 0 -> TextNode.valueOf(messyText());
            case 1 -> random.nextBoolean() ? NullNode.instance : LongNode.valueOf(random.nextLong() % 100_000_000_000L);
            case 2 -> TextNode.valueOf(messyText() + (random.nextBoolean() ? ", " : "; ") + messyText());
            case 3, 4 -> {
                ArrayNode array = TableCase.JSON.createArrayNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    array.add(randomValue(depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode entry = TableCase.JSON.createObjectNode();
                String[] keys = {"email", "address", "value", "number", "phone", "type", "label", "country", "ext"};
                for (int i = random.nextInt(4); i >= 0; i--) {
                    entry.set(keys[random.nextInt(keys.length)], randomValue(depth + 1));
                }
                yield entry;
            }
        };
    }

    private String messyText() {
        String[] bases = {"Jane.Doe@Example.com", "a@gmial.con", "user@bücher.de", "<b@x.org>", "mailto:c@y.net?q",
            "john doe@x.com", "(415) 555-0123", "+44 20 7946 0018 x12", "0049 30 123456", "１２３", "n/a", "", "@"};
        StringBuilder sb = new StringBuilder(bases[random.nextInt(bases.length)]);
        for (int i = random.nextInt(3); i > 0; i--) {
            int at = random.nextInt(sb.length() + 1);
            sb.insert(at, random.nextBoolean() ? FRAGMENTS[random.nextInt(FRAGMENTS.length)]
                    : String.valueOf((char) random.nextInt(0x3100)));
        }
        return sb.toString();
    }

    private String randomBytes() {
        byte[] bytes = new byte[random.nextInt(64)];
        random.nextBytes(bytes);
        return new String(bytes, random.nextBoolean() ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
    }

    private String randomChars() {
        StringBuilder sb = new StringBuilder();
        int length = random.nextInt(40);
        for (int i = 0; i < length; i++) {
            sb.append((char) (random.nextBoolean() ? 0x20 + random.nextInt(0x60) : random.nextInt(0x10000)));
        }
        return sb.toString();
    }

    private String fragmentSoup() {
        StringBuilder sb = new StringBuilder(random.nextBoolean() ? "{" : "");
        int length = random.nextInt(30);
        for (int i = 0; i < length; i++) {
            sb.append(FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
        }
        return sb.toString();
    }

    private String mutate(String text) {
        StringBuilder sb = new StringBuilder(text == null ? "" : text);
        int edits = 1 + random.nextInt(4);
        for (int i = 0; i < edits; i++) {
            int at = sb.length() == 0 ? 0 : random.nextInt(sb.length());
            switch (random.nextInt(3)) {
                case 0 -> sb.insert(at, FRAGMENTS[random.nextInt(FRAGMENTS.length)]);
                case 1 -> {
                    if (sb.length() > 0) {
                        sb.deleteCharAt(at);
                    }
                }
                default -> {
                    if (sb.length() > 0) {
                        sb.setCharAt(at, (char) random.nextInt(0x3000));
                    }
                }
            }
        }
        return sb.toString();
    }
}
