package com.contactsync.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.config.JdbcEndpoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

class ChangeCaptureITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(30);
    private static final String SMALL_CONTACTS = "{\"emails\": [\"ann.lee@example.com\"], \"phones\": [\"+1 202 555 0100\"]}";
    private static final String EDITED_CONTACTS = "{\"emails\": [\"ann.lee@example.org\", \"ANN@EXAMPLE.COM \"]}";

    private static EmbeddedKafkaBroker kafka;

    @TempDir
    Path offsets;

    @BeforeAll
    static void startKafka() {
        kafka = EmbeddedKafkaBroker.start();
    }

    @AfterAll
    static void stopKafka() {
        if (kafka != null) {
            kafka.close();
        }
    }

    @Test
    void publishesInsertsEditsToastedEditsDeletesAndWatermarksAsDebeziumJson() throws Exception {
        JdbcEndpoint db = databaseWithTables();
        String topic = newTopic(3);
        String bigContacts = randomContacts(20_000);
        try (ChangeCapture capture = new ChangeCapture(settings(db, topic).build())) {
            capture.start(START_TIMEOUT);
            execute(db, "INSERT INTO profile (id, contacts, country, name, updated_at) VALUES (1, ?::jsonb, 'US', 'Ann Lee', now())", SMALL_CONTACTS);
            execute(db, "UPDATE profile SET contacts = ?::jsonb, updated_at = now() WHERE id = 1", EDITED_CONTACTS);
            execute(db, "INSERT INTO profile (id, contacts, country, name, updated_at) VALUES (2, ?::jsonb, 'DE', 'Bo Berg', now())", bigContacts);
            execute(db, "UPDATE profile SET name = 'Bo Berger', updated_at = now() WHERE id = 2");
            execute(db, "DELETE FROM profile WHERE id = 1");
            execute(db, "INSERT INTO contactsync_watermark (id, marker, written_at) VALUES (1, 'backfill-done', now())");

            List<TopicReader.Record> records = TopicReader.readAll(kafka.bootstrapServers(), topic, 7, READ_TIMEOUT);
            assertThat(records).hasSize(7);
            assertThat(capture.recordsPublished()).isEqualTo(7);

            Map<String, List<TopicReader.Record>> byKey = records.stream()
                    .collect(Collectors.groupingBy(r -> r.key() + (isWatermark(r) ? " watermark" : ""), Collectors.toList()));
            List<TopicReader.Record> first = byKey.get("{\"id\":1}");
            List<TopicReader.Record> second = byKey.get("{\"id\":2}");
            List<TopicReader.Record> watermark = byKey.get("{\"id\":1} watermark");
            assertThat(first).extracting(TopicReader.Record::partition).as("one profile, one partition").containsOnly(first.get(0).partition());
            assertThat(first).extracting(ChangeCaptureITCase::op).containsExactly("c", "u", "d", null);

            JsonNode insert = JSON.readTree(first.get(0).value());
            assertThat(insert.get("before").isNull()).isTrue();
            assertThat(insert.at("/after/id").asLong()).isEqualTo(1);
            assertThat(JSON.readTree(insert.at("/after/contacts").asText())).isEqualTo(JSON.readTree(SMALL_CONTACTS));
            assertThat(insert.at("/after/updated_at").asText()).endsWith("Z");
            assertThat(insert.at("/source/table").asText()).isEqualTo("profile");
            assertThat(insert.at("/source/schema").asText()).isEqualTo("public");
            assertThat(insert.at("/source/lsn").isIntegralNumber()).isTrue();
            assertThat(insert.at("/source/txId").isIntegralNumber()).isTrue();
            assertThat(insert.at("/source/ts_ms").isIntegralNumber()).isTrue();

            JsonNode edit = JSON.readTree(first.get(1).value());
            assertThat(JSON.readTree(edit.at("/after/contacts").asText())).isEqualTo(JSON.readTree(EDITED_CONTACTS));
            assertThat(edit.at("/source/lsn").asLong()).isGreaterThan(insert.at("/source/lsn").asLong());
            assertThat(edit.at("/source/txId").asLong()).isGreaterThan(insert.at("/source/txId").asLong());

            assertThat(second).extracting(ChangeCaptureITCase::op).containsExactly("c", "u");
            JsonNode toasted = JSON.readTree(second.get(1).value());
            assertThat(toasted.at("/after/contacts").asText()).isEqualTo("__debezium_unavailable_value");
            assertThat(toasted.at("/after/name").asText()).isEqualTo("Bo Berger");

            JsonNode delete = JSON.readTree(first.get(2).value());
            assertThat(delete.at("/before/id").asLong()).isEqualTo(1);
            assertThat(delete.get("after").isNull()).isTrue();
            TopicReader.Record tombstone = first.get(3);
            assertThat(tombstone.value()).isNull();
            assertThat(tombstone.offset()).isEqualTo(first.get(2).offset() + 1);

            assertThat(watermark).hasSize(1);
            JsonNode mark = JSON.readTree(watermark.get(0).value());
            assertThat(mark.at("/op").asText()).isEqualTo("c");
            assertThat(mark.at("/after/marker").asText()).isEqualTo("backfill-done");

            printSample("c", first.get(0));
            printSample("u", first.get(1));
            printSample("u with the TOAST placeholder (contacts of 20 KB unchanged)", second.get(1));
            printSample("d", first.get(2));
            printSample("tombstone", tombstone);
            printSample("watermark", watermark.get(0));
        }
    }

    @Test
    void wrapsKeysAndValuesInSchemaAndPayloadWhenSchemasAreEnabled() throws Exception {
        JdbcEndpoint db = databaseWithTables();
        String topic = newTopic(1);
        try (ChangeCapture capture = new ChangeCapture(settings(db, topic).schemasEnabled(true).build())) {
            capture.start(START_TIMEOUT);
            execute(db, "INSERT INTO profile (id, contacts, country, name, updated_at) VALUES (7, ?::jsonb, NULL, 'Cy Diaz', now())", SMALL_CONTACTS);

            List<TopicReader.Record> records = TopicReader.readAll(kafka.bootstrapServers(), topic, 1, READ_TIMEOUT);

            assertThat(records).hasSize(1);
            JsonNode key = JSON.readTree(records.get(0).key());
            JsonNode value = JSON.readTree(records.get(0).value());
            assertThat(key.at("/payload/id").asLong()).isEqualTo(7);
            assertThat(key.get("schema").isObject()).isTrue();
            assertThat(value.at("/payload/op").asText()).isEqualTo("c");
            assertThat(value.at("/payload/after/name").asText()).isEqualTo("Cy Diaz");
            assertThat(value.at("/schema/name").asText()).endsWith(".Envelope");
            printSample("c with schemas.enable=true", records.get(0));
        }
    }

    @Test
    void aRestartedCaptureResumesWithChangesCommittedWhileItWasDown() throws Exception {
        JdbcEndpoint db = databaseWithTables();
        String topic = newTopic(1);
        ChangeCaptureSettings.Builder settings = settings(db, topic);
        try (ChangeCapture capture = new ChangeCapture(settings.dropSlotOnClose(false).build())) {
            capture.start(START_TIMEOUT);
            insertProfile(db, 1);
            assertThat(TopicReader.readAll(kafka.bootstrapServers(), topic, 1, READ_TIMEOUT)).hasSize(1);
            // Stop with a heartbeat as the last stored position: the harder case for resuming.
            awaitSlotPast(db, capture, currentWalLsn(db));
        }
        insertProfile(db, 2);
        insertProfile(db, 3);
        execute(db, "UPDATE profile SET name = 'while down' WHERE id = 1");

        try (ChangeCapture capture = new ChangeCapture(settings.dropSlotOnClose(true).build())) {
            capture.start(START_TIMEOUT);
            insertProfile(db, 4);

            List<TopicReader.Record> records = TopicReader.readAll(kafka.bootstrapServers(), topic, 5, READ_TIMEOUT);

            assertThat(records).extracting(TopicReader.Record::key)
                    .as("at least once, in commit order")
                    .containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":1}", "{\"id\":4}");
        }
        assertThat(slotExists(db, settings.build().slotName())).isFalse();
    }

    @Test
    void heartbeatsMoveTheSlotWhileTheCapturedTablesAreIdle() throws Exception {
        JdbcEndpoint db = databaseWithTables();
        String topic = newTopic(1);
        try (ChangeCapture capture = new ChangeCapture(settings(db, topic).build())) {
            capture.start(START_TIMEOUT);
            String before = capture.confirmedFlushLsn().orElseThrow();
            execute(db, "CREATE TABLE unrelated (id bigint PRIMARY KEY, note text)");
            execute(db, "INSERT INTO unrelated SELECT g, repeat('x', 200) FROM generate_series(1, 20000) g");
            String written = currentWalLsn(db);

            String after = awaitSlotPast(db, capture, written);

            assertThat(lsnDiff(db, after, written)).as("confirmed %s, before %s, unrelated writes up to %s", after, before, written)
                    .isPositive();
            assertThat(capture.recordsPublished()).as("heartbeats are not published").isZero();
            System.out.printf("slot confirmed_flush_lsn moved from %s to %s while profile was idle%n", before, after);
        }
    }

    @Test
    void publishesOneEventPerChangeOfLiveTrafficAndATombstonePerDelete() throws Exception {
        JdbcEndpoint db = databaseWithTables();
        String topic = newTopic(4);
        try (ChangeCapture capture = new ChangeCapture(settings(db, topic).build())) {
            capture.start(START_TIMEOUT);
            LiveTrafficSimulator traffic = LiveTrafficSimulator.builder(db).changesPerSecond(300).seed(4).start();
            Thread.sleep(2_000);
            traffic.stop();
            Map<LiveTrafficKind, Long> counts = traffic.counts();
            long deletes = counts.get(LiveTrafficKind.DELETE);
            long expected = traffic.changesMade() + deletes;

            List<TopicReader.Record> records = TopicReader.readAll(kafka.bootstrapServers(), topic, (int) expected, READ_TIMEOUT);

            assertThat(records).hasSize((int) expected);
            assertThat(capture.recordsPublished()).isEqualTo(expected);
            Map<String, Long> ops = records.stream()
                    .collect(Collectors.groupingBy(r -> String.valueOf(op(r)), Collectors.counting()));
            assertThat(ops).containsEntry("c", counts.get(LiveTrafficKind.INSERT) + counts.get(LiveTrafficKind.REINSERT))
                    .containsEntry("u", counts.get(LiveTrafficKind.CONTACT_EDIT) + counts.get(LiveTrafficKind.OTHER_EDIT))
                    .containsEntry("d", deletes)
                    .containsEntry("null", deletes);
        }
    }

    @Test
    void keepsPublishingAcrossAKafkaBrokerRestart() throws Exception {
        JdbcEndpoint db = databaseWithTables();
        String topic = newTopic(1);
        try (ChangeCapture capture = new ChangeCapture(settings(db, topic).build())) {
            capture.start(START_TIMEOUT);
            insertProfile(db, 1);
            assertThat(TopicReader.readAll(kafka.bootstrapServers(), topic, 1, READ_TIMEOUT)).hasSize(1);

            kafka.stop();
            insertProfile(db, 2);
            insertProfile(db, 3);
            Thread.sleep(1_000);
            kafka.restart();
            insertProfile(db, 4);

            List<TopicReader.Record> records = TopicReader.readAll(kafka.bootstrapServers(), topic, 4, READ_TIMEOUT);
            assertThat(records).extracting(TopicReader.Record::key)
                    .containsExactly("{\"id\":1}", "{\"id\":2}", "{\"id\":3}", "{\"id\":4}");
            assertThat(capture.failure()).isEmpty();
        }
    }

    @Test
    void refusesToStartWithoutItsTopic() throws Exception {
        JdbcEndpoint db = databaseWithTables();
        try (ChangeCapture capture = new ChangeCapture(settings(db, "no-such-topic").build())) {
            assertThatThrownBy(() -> capture.start(START_TIMEOUT))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("create it first");
        }
    }

    private ChangeCaptureSettings.Builder settings(JdbcEndpoint db, String topic) {
        String slot = "cs_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        return ChangeCaptureSettings.builder(db, kafka.bootstrapServers(), offsets)
                .tables("public.profile", "public.contactsync_watermark")
                .topic(topic)
                .slotName(slot)
                .dropSlotOnClose(true);
    }

    private static String newTopic(int partitions) {
        String topic = "changes-" + UUID.randomUUID();
        kafka.createTopic(topic, partitions);
        return topic;
    }

    private static JdbcEndpoint databaseWithTables() throws SQLException {
        JdbcEndpoint db = POSTGRES.newDatabase();
        execute(db, "CREATE TABLE profile (id bigint PRIMARY KEY, contacts jsonb, country text, name text, updated_at timestamptz)");
        execute(db, "CREATE TABLE contactsync_watermark (id int PRIMARY KEY, marker text, written_at timestamptz)");
        return db;
    }

    private static void insertProfile(JdbcEndpoint db, long id) throws SQLException {
        execute(db, "INSERT INTO profile (id, contacts, name, updated_at) VALUES (" + id + ", ?::jsonb, 'P" + id + "', now())", SMALL_CONTACTS);
    }

    /** Random text does not compress, so the value stays far above the 2 KB TOAST threshold. */
    private static String randomContacts(int bytes) {
        SplittableRandom random = new SplittableRandom(11);
        StringBuilder json = new StringBuilder("{\"emails\": [");
        while (json.length() < bytes) {
            json.append(json.length() > 12 ? ", " : "").append('"');
            for (int i = 0; i < 40; i++) {
                json.append((char) ('a' + random.nextInt(26)));
            }
            json.append("@example.com\"");
        }
        return json.append("]}").toString();
    }

    private static boolean isWatermark(TopicReader.Record record) {
        return record.value() != null && record.value().contains("\"table\":\"contactsync_watermark\"");
    }

    private static String op(TopicReader.Record record) {
        try {
            return record.value() == null ? null : JSON.readTree(record.value()).get("op").asText();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void printSample(String kind, TopicReader.Record record) {
        System.out.printf("sample %s event:%n  key:   %s%n  value: %s%n", kind, record.key(), record.value());
    }

    private static void execute(JdbcEndpoint db, String sql, String... params) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            s.execute();
        }
    }

    private static String queryText(JdbcEndpoint db, String sql, String... params) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                s.setString(i + 1, params[i]);
            }
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    /** Waits (at most 20 s) until the slot confirmed a position past {@code lsn}; returns the last one seen. */
    private static String awaitSlotPast(JdbcEndpoint db, ChangeCapture capture, String lsn) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        String confirmed = capture.confirmedFlushLsn().orElseThrow();
        while (lsnDiff(db, confirmed, lsn) <= 0 && System.nanoTime() < deadline) {
            Thread.sleep(200);
            confirmed = capture.confirmedFlushLsn().orElseThrow();
        }
        return confirmed;
    }

    private static String currentWalLsn(JdbcEndpoint db) throws SQLException {
        return queryText(db, "SELECT pg_current_wal_lsn()::text");
    }

    private static long lsnDiff(JdbcEndpoint db, String lsn, String other) throws SQLException {
        return Long.parseLong(queryText(db, "SELECT pg_wal_lsn_diff(?::pg_lsn, ?::pg_lsn)::bigint::text", lsn, other));
    }

    private static boolean slotExists(JdbcEndpoint db, String slot) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '" + slot + "'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }
}
