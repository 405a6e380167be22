package com.contactsync.source.change;

import static com.contactsync.source.change.DebeziumJson.jsonColumnText;
import static com.contactsync.source.change.DebeziumJson.longValue;
import static com.contactsync.source.change.DebeziumJson.row;
import static com.contactsync.source.change.DebeziumJson.text;

import com.contactsync.deadletter.DeadLetter;
import com.contactsync.source.ProfileEvent;

import com.fasterxml.jackson.databind.JsonNode;

import java.io.Serializable;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns one record of the profile change topic (Debezium's JSON envelope, with or without the
 * schema wrapper) into a profile event, a coverage marker or a dead letter, or nothing for records
 * to ignore: tombstones, logical-decoding messages ({@code m}) and other tables. Bad input never
 * throws; it becomes a dead letter.
 *
 * <p>A truncate ({@code t}) of the profile table becomes a dead letter: it carries no ids, so it
 * cannot be turned into per-profile deletes, and only a backfill can bring the tables in step again.
 */
public final class ChangeEventParser implements Serializable {

    private static final long serialVersionUID = 1L;

    /** Create, update, delete, snapshot read, truncate; {@code m} (message) is ignored before. */
    private static final Set<String> OPS = Set.of("c", "u", "d", "r", "t");
    static final String TRUNCATE_REASON = "truncate events are not supported: run a backfill";

    private final ChangeParserSettings settings;

    public ChangeEventParser(ChangeParserSettings settings) {
        this.settings = settings;
    }

    /** Parses the record at these coordinates and gives {@code out} what it became, if anything. */
    public void parse(String topic, int partition, long offset, byte[] key, byte[] value, Consumer<ChangeRecord> out) {
        if (value == null || value.length == 0) {
            return; // a tombstone: log compaction's business, not a change
        }
        ChangeRecord record;
        try {
            record = parse(key, value);
        } catch (MalformedChangeException e) {
            record = deadLetter(topic, partition, offset, e.getMessage(), value);
        } catch (RuntimeException e) {
            // A bug here must not stop the job on one record: keep the record, name the failure.
            record = deadLetter(topic, partition, offset, "unexpected parser error: " + e.getClass().getSimpleName(), value);
        }
        if (record != null) {
            out.accept(record);
        }
    }

    private ChangeRecord parse(byte[] key, byte[] value) throws MalformedChangeException {
        JsonNode envelope = DebeziumJson.envelope(value);
        if (envelope == null) {
            return null; // a wrapped null payload is a tombstone too
        }
        String op = text(envelope, "op", "op");
        if (op == null) {
            throw new MalformedChangeException("op is missing");
        }
        if (op.equals("m")) {
            return null;
        }
        if (!OPS.contains(op)) {
            throw new MalformedChangeException("unknown op");
        }
        JsonNode source = envelope.get("source");
        if (source == null || !source.isObject()) {
            throw new MalformedChangeException("source is missing or not an object");
        }
        String table = text(source, "table", "source.table");
        if (table == null) {
            throw new MalformedChangeException("source.table is missing");
        }
        String schema = text(source, "schema", "source.schema");
        if (settings.isWatermarkTable(schema, table)) {
            return op.equals("c") || op.equals("u") ? marker(envelope.get("after")) : null;
        }
        if (!settings.isProfileTable(schema, table)) {
            return null;
        }
        ProfileEvent event;
        switch (op) {
            case "t":
                throw new MalformedChangeException(TRUNCATE_REASON);
            case "d":
                event = ProfileEvent.delete(id(row(envelope, "before", op), key));
                break;
            default:
                JsonNode after = row(envelope, "after", op);
                if (after == null) {
                    throw new MalformedChangeException("op '" + op + "' without after");
                }
                event = upsert(after, key);
        }
        JsonNode committedAt = source.get("ts_ms");
        event.sourceTimestampMillis = committedAt != null && committedAt.canConvertToLong() ? committedAt.longValue() : 0;
        event.txId = transactionId(source.get("txId"));
        return ChangeRecord.profile(event);
    }

    private ProfileEvent upsert(JsonNode after, byte[] key) throws MalformedChangeException {
        long id = id(after, key);
        JsonNode contacts = after.get(settings.contactsColumn());
        // Missing is not null: treating it as null would erase the profile's contacts.
        if (contacts == null) {
            throw new MalformedChangeException("after lacks the contacts column '" + settings.contactsColumn() + "'");
        }
        String country = country(after);
        if (contacts.isTextual() && contacts.textValue().equals(settings.unavailablePlaceholder())) {
            ProfileEvent event = ProfileEvent.upsert(id, null, country);
            event.contactsUnchanged = true;
            return event;
        }
        return ProfileEvent.upsert(id, jsonColumnText(contacts, "the contacts column"), country);
    }

    private String country(JsonNode after) throws MalformedChangeException {
        String column = settings.countryColumn();
        if (column == null) {
            return null;
        }
        if (!after.has(column)) {
            throw new MalformedChangeException("after lacks the country column '" + column + "'");
        }
        String country = text(after, column, "the country column");
        if (settings.unavailablePlaceholder().equals(country)) {
            throw new MalformedChangeException("the country column carries the unavailable-value placeholder");
        }
        return country;
    }

    /**
     * Debezium's {@code source.txId}: the 32-bit PostgreSQL xid of the change. Absent or out of
     * range gives 0, "unknown", which the sync operator treats conservatively (snapshot rows lose).
     */
    static long transactionId(JsonNode txId) {
        if (txId == null || !txId.isIntegralNumber() || !txId.canConvertToLong()) {
            return 0;
        }
        long xid = txId.longValue();
        return xid > 0 && xid < (1L << 32) ? xid : 0;
    }

    /** The row's id, or the key's when the row has none (e.g. a delete's before-image is null). */
    private long id(JsonNode row, byte[] key) throws MalformedChangeException {
        JsonNode id = row == null ? null : row.get(settings.idColumn());
        if (id == null || id.isNull()) {
            id = DebeziumJson.keyId(key, settings.idColumn());
        }
        if (id == null) {
            throw new MalformedChangeException("id column '" + settings.idColumn() + "' is missing in the value and the key");
        }
        return longValue(id, "id column '" + settings.idColumn() + "'");
    }

    private static ChangeRecord marker(JsonNode after) throws MalformedChangeException {
        JsonNode marker = after == null || !after.isObject() ? null : after.get(ChangeParserSettings.MARKER_COLUMN);
        if (marker == null || !(marker.isTextual() || marker.isIntegralNumber())) {
            throw new MalformedChangeException("watermark row without a text marker");
        }
        return ChangeRecord.marker(marker.asText());
    }

    private static ChangeRecord deadLetter(String topic, int partition, long offset, String reason, byte[] value) {
        return ChangeRecord.deadLetter(DeadLetter.of(topic, partition, offset, reason, value, System.currentTimeMillis()));
    }
}
