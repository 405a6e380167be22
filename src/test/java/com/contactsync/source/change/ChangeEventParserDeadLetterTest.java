package com.contactsync.source.change;

import static com.contactsync.source.change.ChangeEventParserTest.parse;
import static com.contactsync.source.change.DebeziumFixtures.AFTER;
import static com.contactsync.source.change.DebeziumFixtures.CREATE;
import static com.contactsync.source.change.DebeziumFixtures.KEY;
import static com.contactsync.source.change.DebeziumFixtures.SOURCE;
import static com.contactsync.source.change.DebeziumFixtures.TOPIC;
import static com.contactsync.source.change.DebeziumFixtures.bytes;
import static com.contactsync.source.change.DebeziumFixtures.envelope;
import static com.contactsync.source.change.DebeziumFixtures.settings;
import static com.contactsync.source.change.DebeziumFixtures.source;
import static com.contactsync.source.change.DebeziumFixtures.wrapped;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.deadletter.DeadLetter;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/** Records the job cannot use become one dead letter each, with a clear reason and the raw bytes. */
class ChangeEventParserDeadLetterTest {

    private static final ChangeEventParser PARSER = new ChangeEventParser(settings());

    static Stream<Arguments> malformedRecords() {
        byte[] randomBytes = new byte[256];
        new Random(7).nextBytes(randomBytes);
        byte[] invalidUtf8 = bytes("{\"op\":\"c\",\"after\":{\"id\":5,\"contacts\":\"ab\"}}");
        invalidUtf8[invalidUtf8.length - 5] = (byte) 0xC3; // a two-byte lead followed by 'b': invalid UTF-8
        return Stream.of(
                Arguments.of("random bytes", randomBytes, KEY, "value is not valid"),
                Arguments.of("invalid UTF-8", invalidUtf8, KEY, "value is not valid UTF-8"),
                Arguments.of("not JSON", bytes("op=c id=5"), KEY, "value is not valid JSON"),
                Arguments.of("trailing garbage", bytes(CREATE + " }"), KEY, "value is not valid JSON"),
                Arguments.of("a JSON array", bytes("[]"), KEY, "value is not a JSON object"),
                Arguments.of("JSON null", bytes("null"), KEY, "value is not a JSON object"),
                Arguments.of("a JSON string", bytes("\"a@x.io\""), KEY, "value is not a JSON object"),
                Arguments.of("an empty object", bytes("{}"), KEY, "op is missing"),
                Arguments.of("an unknown op", bytes("{\"op\":\"x\"}"), KEY, "unknown op"),
                Arguments.of("an op that is not text", bytes("{\"op\":1}"), KEY, "op is not text"),
                Arguments.of("a wrapped payload that is not an object", bytes("{\"schema\":{},\"payload\":[1]}"), KEY,
                        "payload is not a JSON object"),
                Arguments.of("no source", bytes("{\"op\":\"c\",\"after\":" + AFTER + "}"), KEY, "source is missing"),
                Arguments.of("no source.table", bytes(envelope("null", AFTER, "{\"schema\":\"public\"}", "c")), KEY,
                        "source.table is missing"),
                Arguments.of("id as a string", bytes(envelope("null", AFTER.replace("\"id\":5", "\"id\":\"abc\""), "c")), KEY,
                        "id column 'id' is not an integer"),
                Arguments.of("id as a decimal", bytes(envelope("null", AFTER.replace("\"id\":5", "\"id\":5.5"), "c")), KEY,
                        "id column 'id' is not an integer"),
                Arguments.of("id beyond a long", bytes(envelope("null", AFTER.replace("\"id\":5", "\"id\":99999999999999999999"), "c")),
                        KEY, "id column 'id' is not an integer"),
                Arguments.of("id missing in value and key", bytes(envelope("null", AFTER.replace("\"id\":5,", ""), "c")), null,
                        "id column 'id' is missing in the value and the key"),
                Arguments.of("delete without before and key", bytes(envelope("null", "null", "d")), "not json",
                        "id column 'id' is missing in the value and the key"),
                Arguments.of("create without after", bytes(envelope("null", "null", "c")), KEY, "op 'c' without after"),
                Arguments.of("update without after", bytes(CREATE.replace("\"after\":" + AFTER + ",", "").replace("\"op\":\"c\"", "\"op\":\"u\"")),
                        KEY, "op 'u' without after"),
                Arguments.of("snapshot read without after", bytes(envelope("null", "null", "r")), KEY, "op 'r' without after"),
                Arguments.of("after that is not an object", bytes(envelope("null", "\"x\"", "c")), KEY, "after of op 'c' is not an object"),
                Arguments.of("no contacts column", bytes(envelope("null", "{\"id\":5,\"country\":\"DE\"}", "c")), KEY,
                        "after lacks the contacts column 'contacts'"),
                Arguments.of("contacts as a number", bytes(envelope("null", "{\"id\":5,\"contacts\":7,\"country\":\"DE\"}", "c")), KEY,
                        "the contacts column is neither text nor a JSON object or array"),
                Arguments.of("no country column", bytes(envelope("null", "{\"id\":5,\"contacts\":\"[]\"}", "c")), KEY,
                        "after lacks the country column 'country'"),
                Arguments.of("country as a number", bytes(envelope("null", "{\"id\":5,\"contacts\":\"[]\",\"country\":49}", "c")), KEY,
                        "the country column is not text"),
                Arguments.of("country unavailable", bytes(envelope("null",
                        "{\"id\":5,\"contacts\":\"[]\",\"country\":\"__debezium_unavailable_value\"}", "u")), KEY,
                        "the country column carries the unavailable-value placeholder"),
                Arguments.of("watermark row without marker", bytes(envelope("null", "{\"at\":1}", source("public", "contactsync_watermark"), "c")),
                        null, "watermark row without a text marker"),
                Arguments.of("truncate", bytes(envelope("null", "null", "t")), null, ChangeEventParser.TRUNCATE_REASON),
                Arguments.of("truncate, schema-wrapped", bytes(wrapped(envelope("null", "null", "t"))), null, ChangeEventParser.TRUNCATE_REASON),
                Arguments.of("unknown op, schema-wrapped", bytes(wrapped("{\"op\":\"x\"}")), null, "unknown op"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("malformedRecords")
    void malformedRecordBecomesOneDeadLetter(String name, byte[] value, String key, String reason) {
        long before = System.currentTimeMillis();
        List<ChangeRecord> out = parse(PARSER, key, value);

        assertThat(out).hasSize(1);
        assertThat(out.get(0).kind).isEqualTo(ChangeRecord.Kind.DEAD_LETTER);
        DeadLetter letter = out.get(0).deadLetter;
        assertThat(letter.reason).startsWith(reason).doesNotContain("a@x.io");
        assertThat(letter.topic).isEqualTo(TOPIC);
        assertThat(letter.partition).isEqualTo(3);
        assertThat(letter.offset).isEqualTo(42);
        assertThat(letter.rawValue).isEqualTo(value);
        assertThat(letter.rawLength).isEqualTo(value.length);
        assertThat(letter.receivedAtMillis).isBetween(before, System.currentTimeMillis());
    }

    @Test
    void megabyteOfGarbageIsCappedButItsLengthKept() {
        byte[] garbage = new byte[1 << 20];
        new Random(11).nextBytes(garbage);
        garbage[0] = '{'; // get past the first byte, into the parser proper

        DeadLetter letter = parse(PARSER, KEY, garbage).get(0).deadLetter;

        assertThat(letter.rawLength).isEqualTo(1 << 20);
        assertThat(letter.rawValue).hasSize(DeadLetter.MAX_RAW_BYTES).isEqualTo(Arrays.copyOf(garbage, DeadLetter.MAX_RAW_BYTES));
    }

    @Test
    void hugeValidLookingValueIsCappedToo() {
        String contacts = "x".repeat(2 << 20);
        byte[] value = bytes(envelope("null", "{\"id\":\"" + contacts + "\"}", "c"));
        DeadLetter letter = parse(PARSER, KEY, value).get(0).deadLetter;
        assertThat(letter.reason).isEqualTo("id column 'id' is not an integer");
        assertThat(letter.rawValue).hasSize(DeadLetter.MAX_RAW_BYTES);
        assertThat(letter.rawLength).isEqualTo(value.length);
    }

    @Test
    void mutatedSamplesNeverThrowAndEmitAtMostOneRecord() {
        Random random = new Random(3);
        byte[] sample = bytes(CREATE);
        for (int i = 0; i < 5_000; i++) {
            byte[] mutated = sample.clone();
            for (int flips = 1 + random.nextInt(4); flips > 0; flips--) {
                mutated[random.nextInt(mutated.length)] = (byte) random.nextInt(256);
            }
            List<ChangeRecord> out = parse(PARSER, random.nextBoolean() ? KEY : null, mutated);
            assertThat(out).hasSizeLessThanOrEqualTo(1);
            if (!out.isEmpty() && out.get(0).kind == ChangeRecord.Kind.DEAD_LETTER) {
                assertThat(out.get(0).deadLetter.reason).doesNotContain("a@x.io").doesNotStartWith("unexpected");
            }
        }
    }
}
