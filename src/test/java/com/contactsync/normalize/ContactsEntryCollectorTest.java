package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;

import org.junit.jupiter.api.Test;

class ContactsEntryCollectorTest {

    private final ContactsEntryCollector collector = new ContactsEntryCollector();

    private static RawEntry entry(int position, String value, String path) {
        return new RawEntry(position, value, null, null, null, null, path);
    }

    private RawContacts collect(String json, int max) throws Exception {
        JsonNode root = TableCase.JSON.readTree(json);
        return collector.collect(root, json, max);
    }

    @Test
    void collectsEntriesOfBothKindsWithIndependentPositions() throws Exception {
        RawContacts raw = collect("{\"phones\":[\"1\",\"2\"],\"emails\":\"a\",\"Email\":[\"b\"]}", 10);

        assertThat(raw.emails()).containsExactly(entry(0, "a", "$.emails"), entry(1, "b", "$.Email[0]"));
        assertThat(raw.phones()).containsExactly(entry(0, "1", "$.phones[0]"), entry(1, "2", "$.phones[1]"));
        assertThat(raw.contactsIssues()).isEmpty();
    }

    @Test
    void entryObjectsGiveTypeRegionAndExtension() throws Exception {
        RawContacts raw = collect("{\"phones\":[{\"NUMBER\":\"1\",\"Label\":\" Work \",\"region\":\"gb\","
                + "\"extension\":7,\"country\":null,\"other\":true}]}", 10);

        assertThat(raw.phones()).containsExactly(new RawEntry(0, "1", "work", "gb", "7", null, "$.phones[0].NUMBER"));
    }

    @Test
    void numbersArePhonesWrittenAsDigits() throws Exception {
        RawContacts raw = collect("{\"phones\":[4155550123, 4.155550123E9, 4155550123.0, 1E+300, 2.5]}", 10);

        assertThat(raw.phones()).extracting(RawEntry::value)
                .containsExactly("4155550123", "4155550123", "4155550123", "1E+300", "2.5");
    }

    @Test
    void unusableEntriesKeepTheirJsonAsEvidence() throws Exception {
        RawContacts raw = collect("{\"emails\":[false,{\"kind\":\"x\"},{\"email\":{\"a\":1}}]}", 10);

        assertThat(raw.emails()).extracting(RawEntry::value, RawEntry::unexpectedShape).containsExactly(
                tuple("false", "a JSON boolean where an email was expected"),
                tuple("{\"kind\":\"x\"}", "an entry object without email/address/value"),
                tuple("{\"email\":{\"a\":1}}", "a JSON object where an email was expected"));
    }

    @Test
    void entriesBeyondTheCapAreOnlyCounted() throws Exception {
        RawContacts raw = collect("{\"emails\":[\"a\",[\"b\",\"c\"],null],\"phones\":\"1;2;3;4\"}", 2);

        assertThat(raw.emails()).extracting(RawEntry::position).containsExactly(0, 1);
        assertThat(raw.emailsDropped()).isEqualTo(2);
        assertThat(raw.phones()).extracting(RawEntry::value).containsExactly("1", "2");
        assertThat(raw.phonesDropped()).isEqualTo(2);
    }

    @Test
    void nothingUnderTheKeysMeansNoEntries() throws Exception {
        RawContacts raw = collect("{\"emails\":null,\"email\":\" \\u200B \",\"phones\":[],\"phone\":\"\"}", 10);

        assertThat(raw).isEqualTo(RawContacts.NONE);
    }

    @Test
    void unsupportedRootsAreOneProfileLevelIssue() throws Exception {
        assertThat(collect("[\"a@x.com\"]", 10).contactsIssues()).extracting(QualityIssue::suggestion)
                .containsExactly("top-level JSON array; expected an object with emails/phones");
        assertThat(collect("{\"mail\":\"a@x.com\"}", 10).contactsIssues()).extracting(QualityIssue::suggestion)
                .containsExactly("JSON object without emails/phones keys");
        assertThat(collect("{}", 10)).isEqualTo(RawContacts.NONE);
        assertThat(collect("[]", 10)).isEqualTo(RawContacts.NONE);
    }
}
