package com.contactsync.normalize;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Parses a profile's contacts text into a JSON tree, unwrapping JSON that was encoded as a JSON string
 * (repeatedly, at most {@value #MAX_UNWRAPS} times), within fixed parser limits.
 *
 * <p>null, blank, "null" and a JSON string holding nothing give no tree and no issue. Text that is not
 * JSON, or breaks a limit, gives CONTACTS_MALFORMED; a JSON string that does not hold JSON gives
 * CONTACTS_UNEXPECTED_SHAPE. Parsing is strict (no comments, single quotes or trailing commas, nothing
 * after the value).
 */
final class ContactsJsonReader {

    /** Longest contacts text accepted; anything longer is reported, not parsed. */
    static final int MAX_TEXT_CHARS = 16 * 1024 * 1024;
    static final int MAX_NESTING_DEPTH = 64;
    static final int MAX_UNWRAPS = 8;

    private static final ObjectMapper MAPPER = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder()
                            .maxNestingDepth(MAX_NESTING_DEPTH)
                            .maxStringLength(MAX_TEXT_CHARS)
                            .maxDocumentLength(MAX_TEXT_CHARS)
                            .maxNumberLength(100)
                            .maxNameLength(10_000)
                            .build())
                    .build())
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .build();

    /** A parsed tree (null when there is nothing), or the issue that prevented one. */
    record Result(JsonNode root, QualityIssue issue) {
        static final Result NOTHING = new Result(null, null);
    }

    Result read(String contactsText) {
        if (contactsText == null) {
            return Result.NOTHING;
        }
        String text = UnicodeSpaces.strip(contactsText);
        if (text.length() > MAX_TEXT_CHARS) {
            return malformed(contactsText, "contacts text longer than " + MAX_TEXT_CHARS + " characters");
        }
        for (int unwraps = 0; unwraps <= MAX_UNWRAPS; unwraps++) {
            if (text.isEmpty()) {
                return Result.NOTHING;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(text);
            } catch (StreamConstraintsException e) {
                return malformed(contactsText, "exceeds parser limits: " + e.getOriginalMessage());
            } catch (JacksonException e) {
                return malformed(contactsText, "invalid JSON" + where(e.getLocation(), unwraps));
            }
            if (node == null || node.isMissingNode() || node.isNull()) {
                return Result.NOTHING;
            }
            if (!node.isTextual()) {
                return new Result(node, null);
            }
            text = UnicodeSpaces.strip(node.textValue());
            if (!text.isEmpty() && !looksLikeJson(text)) {
                return shape(contactsText, "a JSON string that does not hold JSON");
            }
        }
        return shape(contactsText, "JSON encoded as a string more than " + MAX_UNWRAPS + " times");
    }

    private static boolean looksLikeJson(String text) {
        char first = text.charAt(0);
        return first == '{' || first == '[' || first == '"' || text.equals("null");
    }

    private static String where(JsonLocation location, int unwraps) {
        String inner = unwraps == 0 ? "" : " (inside JSON string level " + unwraps + ")";
        if (location == null || location.getLineNr() < 1) {
            return inner;
        }
        return " at line " + location.getLineNr() + ", column " + location.getColumnNr() + inner;
    }

    private static Result malformed(String contactsText, String why) {
        return new Result(null, QualityIssue.aboutContacts(QualityCode.CONTACTS_MALFORMED, contactsText, why));
    }

    private static Result shape(String contactsText, String why) {
        return new Result(null, QualityIssue.aboutContacts(QualityCode.CONTACTS_UNEXPECTED_SHAPE, contactsText, why));
    }
}
