package com.contactsync.source.change;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.CharConversionException;
import java.io.IOException;

/** Reading Debezium's JSON: the value tree, the optional schema wrapper, typed fields. */
public final class DebeziumJson {

    /** Thread-safe once configured; shared by every parser in the JVM. */
    private static final ObjectMapper JSON = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);

    private DebeziumJson() {}

    /** The record's JSON object, unwrapped from {@code {"schema":..,"payload":..}}; null for a null payload. */
    static JsonNode envelope(byte[] bytes) throws MalformedChangeException {
        JsonNode root;
        try {
            root = JSON.readTree(bytes);
        } catch (CharConversionException e) {
            throw new MalformedChangeException("value is not valid UTF-8");
        } catch (IOException e) {
            String message = String.valueOf(e.getMessage());
            throw new MalformedChangeException(
                    message.contains("Invalid UTF-8") ? "value is not valid UTF-8" : "value is not valid JSON");
        }
        if (root == null || !root.isObject()) {
            throw new MalformedChangeException("value is not a JSON object");
        }
        JsonNode content = unwrap(root);
        if (content != null && !content.isObject()) {
            throw new MalformedChangeException("payload is not a JSON object");
        }
        return content;
    }

    /** The id in a record key ({@code {"id":5}}, wrapped or not, or a bare number); null when there is none. */
    public static JsonNode keyId(byte[] key, String idColumn) {
        if (key == null || key.length == 0) {
            return null;
        }
        try {
            JsonNode content = unwrap(JSON.readTree(key));
            JsonNode id = content != null && content.isObject() ? content.get(idColumn) : content;
            return id == null || id.isNull() ? null : id;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** A converter with schemas enabled wraps the envelope; Debezium's envelope has neither field on top. */
    private static JsonNode unwrap(JsonNode root) {
        if (root != null && root.isObject() && root.size() == 2 && root.has("schema") && root.has("payload")) {
            JsonNode payload = root.get("payload");
            return payload.isNull() ? null : payload;
        }
        return root;
    }

    /** The before- or after-image of an op; null when absent or JSON null. */
    static JsonNode row(JsonNode envelope, String field, String op) throws MalformedChangeException {
        JsonNode row = envelope.get(field);
        if (row == null || row.isNull()) {
            return null;
        }
        if (!row.isObject()) {
            throw new MalformedChangeException(field + " of op '" + op + "' is not an object");
        }
        return row;
    }

    /** A text field's value; null when absent or JSON null. */
    static String text(JsonNode object, String field, String what) throws MalformedChangeException {
        JsonNode node = object.get(field);
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new MalformedChangeException(what + " is not text");
        }
        return node.textValue();
    }

    /** A JSON integer that fits a long. */
    static long longValue(JsonNode node, String what) throws MalformedChangeException {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new MalformedChangeException(what + " is not an integer");
        }
        return node.longValue();
    }

    /** A JSON column's value as text: Debezium sends json/jsonb as a string, some converters as a tree. */
    static String jsonColumnText(JsonNode node, String what) throws MalformedChangeException {
        if (node.isNull()) {
            return null;
        }
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isContainerNode()) {
            try {
                return JSON.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new MalformedChangeException(what + " could not be written back as JSON text");
            }
        }
        throw new MalformedChangeException(what + " is neither text nor a JSON object or array");
    }
}
