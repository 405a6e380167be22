package com.contactsync.source.change;

import com.contactsync.config.ProfileTable;

import java.nio.charset.StandardCharsets;

/**
 * Change-topic records shaped exactly like Debezium 3.2 embedded output ({@code converter.schemas.enable=false})
 * for {@code profile(id bigint pk, contacts jsonb, country text, name text)}, and their variants.
 */
final class DebeziumFixtures {

    static final String TOPIC = "contactsync.public.profile";
    static final long LSN = 26715312L;
    /** source.txId of {@link #SOURCE}. */
    static final long TX_ID = 771L;

    static final String SOURCE = "{\"version\":\"3.2.7.Final\",\"connector\":\"postgresql\",\"name\":\"contactsync\","
            + "\"ts_ms\":1763700000000,\"snapshot\":\"false\",\"db\":\"postgres\",\"sequence\":\"[null,\\\"26715312\\\"]\","
            + "\"schema\":\"public\",\"table\":\"profile\",\"txId\":771,\"lsn\":26715312,\"xmin\":null}";

    static final String CONTACTS = "{\"emails\": [\"a@x.io\"]}";
    static final String AFTER = "{\"id\":5,\"contacts\":\"{\\\"emails\\\": [\\\"a@x.io\\\"]}\",\"country\":\"DE\",\"name\":\"A\"}";
    static final String AFTER_UNAVAILABLE = "{\"id\":5,\"contacts\":\"__debezium_unavailable_value\",\"country\":\"DE\",\"name\":\"B\"}";
    static final String BEFORE_DELETE = "{\"id\":5,\"contacts\":null,\"country\":null,\"name\":null}";

    /** The sample create event, verbatim. */
    static final String CREATE = "{\"before\":null,\"after\":" + AFTER + ",\"source\":" + SOURCE
            + ",\"transaction\":null,\"op\":\"c\",\"ts_ms\":1763700000123}";
    static final String UPDATE_UNAVAILABLE = envelope("null", AFTER_UNAVAILABLE, SOURCE, "u");
    static final String DELETE = envelope(BEFORE_DELETE, "null", SOURCE, "d");

    static final String KEY = "{\"id\":5}";

    private DebeziumFixtures() {}

    static String envelope(String before, String after, String source, String op) {
        return "{\"before\":" + before + ",\"after\":" + after + ",\"source\":" + source
                + ",\"transaction\":null,\"op\":\"" + op + "\",\"ts_ms\":1763700000123}";
    }

    static String envelope(String before, String after, String op) {
        return envelope(before, after, SOURCE, op);
    }

    /** The source block of another table or schema, otherwise the sample's. */
    static String source(String schema, String table) {
        return SOURCE.replace("\"schema\":\"public\"", "\"schema\":\"" + schema + "\"")
                .replace("\"table\":\"profile\"", "\"table\":\"" + table + "\"");
    }

    /** As a converter with {@code schemas.enable=true} writes it (the schema's content does not matter to us). */
    static String wrapped(String payload) {
        return "{\"schema\":{\"type\":\"struct\",\"optional\":false,\"name\":\"contactsync.public.profile.Envelope\","
                + "\"fields\":[{\"type\":\"string\",\"optional\":false,\"field\":\"op\"}]},\"payload\":" + payload + "}";
    }

    static byte[] bytes(String text) {
        return text == null ? null : text.getBytes(StandardCharsets.UTF_8);
    }

    static ChangeParserSettings settings() {
        return new ChangeParserSettings(ProfileTable.of("profile", "id", "contacts", "country"));
    }
}
