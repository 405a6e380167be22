package com.contactsync.source.change;

import static com.contactsync.source.change.DebeziumFixtures.AFTER;
import static com.contactsync.source.change.DebeziumFixtures.AFTER_UNAVAILABLE;
import static com.contactsync.source.change.DebeziumFixtures.BEFORE_DELETE;
import static com.contactsync.source.change.DebeziumFixtures.CONTACTS;
import static com.contactsync.source.change.DebeziumFixtures.CREATE;
import static com.contactsync.source.change.DebeziumFixtures.DELETE;
import static com.contactsync.source.change.DebeziumFixtures.KEY;
import static com.contactsync.source.change.DebeziumFixtures.LSN;
import static com.contactsync.source.change.DebeziumFixtures.SOURCE;
import static com.contactsync.source.change.DebeziumFixtures.TOPIC;
import static com.contactsync.source.change.DebeziumFixtures.TX_ID;
import static com.contactsync.source.change.DebeziumFixtures.UPDATE_UNAVAILABLE;
import static com.contactsync.source.change.DebeziumFixtures.bytes;
import static com.contactsync.source.change.DebeziumFixtures.envelope;
import static com.contactsync.source.change.DebeziumFixtures.settings;
import static com.contactsync.source.change.DebeziumFixtures.source;
import static com.contactsync.source.change.DebeziumFixtures.wrapped;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.ProfileTable;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.source.ProfileEvent;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** What each kind of change-topic record becomes: a profile event, a marker, or nothing. */
class ChangeEventParserTest {

    private static final ChangeEventParser PARSER = new ChangeEventParser(settings());

    private static final String WATERMARK = source("public", "contactsync_watermark");

    static Stream<Arguments> profileChanges() {
        return withAndWithoutSchemaWrapper(Stream.of(
                Arguments.of("create (the sample)", CREATE, upsert(CONTACTS, "DE")),
                Arguments.of("update", envelope("null", AFTER, "u"), upsert(CONTACTS, "DE")),
                Arguments.of("snapshot read", envelope("null", AFTER, "r"), upsert(CONTACTS, "DE")),
                Arguments.of("update with unchanged TOASTed contacts", UPDATE_UNAVAILABLE, unchanged("DE")),
                Arguments.of("delete (the sample)", DELETE, ProfileEvent.delete(5).inTransaction(TX_ID)),
                Arguments.of("delete with a key-only before-image", envelope("{\"id\":5}", "null", "d"), ProfileEvent.delete(5).inTransaction(TX_ID)),
                Arguments.of("contacts null", envelope("null", "{\"id\":5,\"contacts\":null,\"country\":\"DE\"}", "c"),
                        upsert(null, "DE")),
                Arguments.of("contacts as a JSON object", envelope("null", "{\"id\":5,\"contacts\":" + CONTACTS + ",\"country\":null}", "c"),
                        upsert("{\"emails\":[\"a@x.io\"]}", null)),
                Arguments.of("contacts as a JSON array", envelope("null", "{\"id\":5,\"contacts\":[1,\"x\"],\"country\":\"DE\"}", "u"),
                        upsert("[1,\"x\"]", "DE")),
                Arguments.of("no lsn", envelope("null", AFTER, SOURCE.replace("\"lsn\":26715312", "\"lsn\":null"), "c"),
                        upsert(CONTACTS, "DE")),
                Arguments.of("large id", envelope("null", AFTER.replace("\"id\":5", "\"id\":4000000000000000"), "c"),
                        ProfileEvent.upsert(4000000000000000L, CONTACTS, "DE").inTransaction(TX_ID))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profileChanges")
    void changeOfTheProfileTableBecomesOneProfileEvent(String name, String value, ProfileEvent expected) {
        assertThat(parse(PARSER, KEY, bytes(value))).containsExactly(ChangeRecord.profile(expected));
    }

    static Stream<Arguments> ignoredRecords() {
        return withAndWithoutSchemaWrapper(Stream.of(
                Arguments.of("another table", envelope("null", AFTER, source("public", "orders"), "c")),
                Arguments.of("another table's truncate", envelope("null", "null", source("public", "orders"), "t")),
                Arguments.of("a logical decoding message", "{\"op\":\"m\",\"ts_ms\":1,\"source\":" + SOURCE.replace("\"table\":\"profile\"", "\"table\":\"\"")
                        + ",\"message\":{\"prefix\":\"p\",\"content\":\"AQI=\"}}"),
                Arguments.of("a watermark row deleted", envelope("{\"marker\":\"m-1\"}", "null", WATERMARK, "d")),
                Arguments.of("a watermark row read by a snapshot", envelope("null", "{\"marker\":\"m-1\"}", WATERMARK, "r"))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ignoredRecords")
    void recordToIgnoreEmitsNothing(String name, String value) {
        assertThat(parse(PARSER, KEY, bytes(value))).isEmpty();
    }

    @Test
    void tombstonesEmitNothing() {
        assertThat(parse(PARSER, KEY, null)).isEmpty();
        assertThat(parse(PARSER, KEY, new byte[0])).isEmpty();
        assertThat(parse(PARSER, KEY, bytes("{\"schema\":{\"type\":\"struct\"},\"payload\":null}"))).isEmpty();
    }

    @Test
    void unavailablePlaceholderIsNeverPassedOnAsContacts() {
        ProfileEvent event = parse(PARSER, KEY, bytes(UPDATE_UNAVAILABLE)).get(0).event;
        assertThat(event.contactsUnchanged).isTrue();
        assertThat(event.contacts).isNull();
        assertThat(event.country).isEqualTo("DE");
    }

    @Test
    void unavailablePlaceholderIsConfigurable() {
        ChangeEventParser parser = new ChangeEventParser(settings().withUnavailablePlaceholder("~unavailable~"));
        String value = envelope("null", AFTER_UNAVAILABLE.replace("__debezium_unavailable_value", "~unavailable~"), "u");
        assertThat(parse(parser, KEY, bytes(value))).containsExactly(ChangeRecord.profile(unchanged("DE")));
    }

    @Test
    void watermarkRowCreatedOrUpdatedBecomesAMarker() {
        assertThat(parse(PARSER, null, bytes(envelope("null", "{\"marker\":\"m-1\",\"at\":1}", WATERMARK, "c"))))
                .containsExactly(ChangeRecord.marker("m-1"));
        assertThat(parse(PARSER, null, bytes(wrapped(envelope("null", "{\"marker\":17}", WATERMARK, "u")))))
                .containsExactly(ChangeRecord.marker("17"));
    }

    @Test
    void watermarkTableIsConfigurable() {
        ChangeEventParser parser = new ChangeEventParser(settings().withWatermarkTable(SqlIdentifier.of("ops.sync_marker")));
        String value = envelope("null", "{\"marker\":\"m-2\"}", source("ops", "sync_marker"), "c");
        assertThat(parse(parser, null, bytes(value))).containsExactly(ChangeRecord.marker("m-2"));
        assertThat(parse(parser, null, bytes(envelope("null", "{\"marker\":\"m-3\"}", WATERMARK, "c")))).isEmpty();
    }

    @Test
    void schemaQualifiedProfileTableMatchesOnlyThatSchema() {
        ChangeEventParser parser = new ChangeEventParser(new ChangeParserSettings(ProfileTable.of("public.profile", "id", "contacts", "country")));
        assertThat(parse(parser, KEY, bytes(CREATE))).hasSize(1);
        assertThat(parse(parser, KEY, bytes(envelope("null", AFTER, source("archive", "profile"), "c")))).isEmpty();
        assertThat(parse(PARSER, KEY, bytes(envelope("null", AFTER, source("archive", "profile"), "c"))))
                .as("an unqualified table name matches in any schema").hasSize(1);
    }

    @Test
    void withoutACountryColumnTheCountryIsNull() {
        ChangeEventParser parser = new ChangeEventParser(new ChangeParserSettings(ProfileTable.of("profile", "id", "contacts", null)));
        assertThat(parse(parser, KEY, bytes(CREATE))).containsExactly(ChangeRecord.profile(upsert(CONTACTS, null)));
    }

    static Stream<Arguments> keyFallbacks() {
        String afterWithoutId = "{\"contacts\":null,\"country\":\"DE\"}";
        return Stream.of(
                Arguments.of("delete without before, key", envelope("null", "null", "d"), KEY, ProfileEvent.delete(5).inTransaction(TX_ID)),
                Arguments.of("delete without before, wrapped key", envelope("null", "null", "d"),
                        "{\"schema\":{\"type\":\"struct\"},\"payload\":{\"id\":5}}", ProfileEvent.delete(5).inTransaction(TX_ID)),
                Arguments.of("delete whose before lacks the id", envelope("{\"name\":null}", "null", "d"), KEY, ProfileEvent.delete(5).inTransaction(TX_ID)),
                Arguments.of("delete without before, bare number key", envelope("null", "null", "d"), "5", ProfileEvent.delete(5).inTransaction(TX_ID)),
                Arguments.of("upsert whose after lacks the id", envelope("null", afterWithoutId, "c"), KEY, upsert(null, "DE")),
                Arguments.of("the value's id wins over the key's", DELETE, "{\"id\":6}", ProfileEvent.delete(5).inTransaction(TX_ID)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("keyFallbacks")
    void idComesFromTheValueElseFromTheKey(String name, String value, String key, ProfileEvent expected) {
        assertThat(parse(PARSER, key, bytes(value))).containsExactly(ChangeRecord.profile(expected));
    }

    static List<ChangeRecord> parse(ChangeEventParser parser, String key, byte[] value) {
        List<ChangeRecord> out = new ArrayList<>();
        parser.parse(TOPIC, 3, 42, bytes(key), value, out::add);
        return out;
    }

    static ProfileEvent upsert(String contacts, String country) {
        return ProfileEvent.upsert(5, contacts, country).inTransaction(TX_ID);
    }

    static ProfileEvent unchanged(String country) {
        ProfileEvent event = ProfileEvent.upsert(5, null, country).inTransaction(TX_ID);
        event.contactsUnchanged = true;
        return event;
    }

    /** Each case as is, and again wrapped as a converter with schemas enabled writes it. */
    static Stream<Arguments> withAndWithoutSchemaWrapper(Stream<Arguments> cases) {
        return cases.flatMap(c -> {
            Object[] plain = c.get();
            Object[] wrapped = plain.clone();
            wrapped[0] = plain[0] + ", schema-wrapped";
            wrapped[1] = wrapped((String) plain[1]);
            return Stream.of(Arguments.of(plain), Arguments.of(wrapped));
        });
    }

    @Test
    void profileEventsCarryTheSourceCommitTime() {
        java.util.List<ChangeRecord> out = new java.util.ArrayList<>();
        new ChangeEventParser(DebeziumFixtures.settings()).parse("t", 0, 0, null,
                DebeziumFixtures.CREATE.getBytes(java.nio.charset.StandardCharsets.UTF_8), out::add);
        org.assertj.core.api.Assertions.assertThat(out).singleElement()
                .satisfies(r -> org.assertj.core.api.Assertions.assertThat(r.event.sourceTimestampMillis).isEqualTo(1763700000000L));
    }

    @Test
    void transactionIdIsDebeziumsSourceTxIdAndUnknownWithoutIt() {
        assertThat(parse(PARSER, KEY, bytes(CREATE))).singleElement()
                .satisfies(r -> assertThat(r.event.txId).isEqualTo(771L));
        String withoutTxId = envelope("null", DebeziumFixtures.AFTER, SOURCE.replace("\"txId\":771,", ""), "c");
        assertThat(parse(PARSER, KEY, bytes(withoutTxId))).singleElement()
                .satisfies(r -> assertThat(r.event.txId).as("unknown").isZero());
        String outOfRange = envelope("null", DebeziumFixtures.AFTER, SOURCE.replace("\"txId\":771,", "\"txId\":4294967296,"), "c");
        assertThat(parse(PARSER, KEY, bytes(outOfRange))).singleElement()
                .satisfies(r -> assertThat(r.event.txId).as("not a 32-bit xid").isZero());
    }
}
