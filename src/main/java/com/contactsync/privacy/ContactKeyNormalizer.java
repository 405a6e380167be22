package com.contactsync.privacy;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.PhoneRow;
import com.contactsync.normalize.QualityIssue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Gives text the key the job would store for it, through {@link ContactNormalizer} itself, so a
 * lookup or an erasure finds exactly what the sync wrote: {@code " John@Example.COM "} and
 * {@code <john@example.com>} both give {@code john@example.com}, a phone in any format its E.164.
 */
public final class ContactKeyNormalizer {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry the job reads from a JSON value: its position, its raw text, its key (null when it has none). */
    record Piece(int position, String raw, String key) {}

    private final ContactNormalizer normalizer;

    public ContactKeyNormalizer(ContactNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    /** The key of one email address or phone number typed by a person; rejects input holding none or several. */
    public ContactKey parse(ContactKey.Kind kind, String input) {
        String what = kind == ContactKey.Kind.EMAIL ? "an email address" : "a phone number";
        if (input == null || input.isBlank()) {
            throw new IllegalArgumentException(what + " is required");
        }
        List<Piece> pieces = pieces(kind, TextNode.valueOf(input), null);
        if (pieces.size() != 1) {
            throw new IllegalArgumentException("give exactly one " + what.substring(what.indexOf(' ') + 1)
                    + "; the input holds " + pieces.size() + " entries (',' and ';' separate entries)");
        }
        if (pieces.get(0).key() == null) {
            throw new IllegalArgumentException("the input is not " + what + ": nothing is left once it is cleaned");
        }
        return new ContactKey(kind, pieces.get(0).key());
    }

    /**
     * The entries the job reads from {@code value} when it stands under the kind's JSON key of a
     * profile of {@code country} (a string, possibly separated; a number; an entry object; an array).
     */
    List<Piece> pieces(ContactKey.Kind kind, JsonNode value, String country) {
        ObjectNode document = JSON.createObjectNode();
        document.set(kind.listKey(), JSON.createArrayNode().add(value));
        NormalizedContacts contacts = normalizer.normalize(document.toString(), country);
        Map<Integer, Piece> byPosition = new TreeMap<>();
        if (kind == ContactKey.Kind.EMAIL) {
            for (EmailRow row : contacts.emails()) {
                byPosition.put(row.position(), new Piece(row.position(), row.emailRaw(), row.email()));
            }
        } else {
            for (PhoneRow row : contacts.phones()) {
                byPosition.put(row.position(), new Piece(row.position(), row.phoneRaw(), row.phone()));
            }
        }
        String field = kind == ContactKey.Kind.EMAIL ? QualityIssue.FIELD_EMAIL : QualityIssue.FIELD_PHONE;
        // Duplicates and empty entries have no row; their issues carry the raw text and the key.
        for (QualityIssue issue : contacts.issues()) {
            if (issue.field().equals(field) && issue.position() >= 0) {
                Piece known = byPosition.get(issue.position());
                String key = kind == ContactKey.Kind.PHONE ? withoutExtension(issue.normalizedValue()) : issue.normalizedValue();
                if (known == null) {
                    byPosition.put(issue.position(), new Piece(issue.position(), issue.rawValue(), key));
                } else if (known.key() == null && key != null) {
                    byPosition.put(issue.position(), new Piece(issue.position(), known.raw(), key));
                }
            }
        }
        return new ArrayList<>(byPosition.values());
    }

    /** Phone issues name the key as {@code phone;ext=extension}; the key is the number alone. */
    private static String withoutExtension(String key) {
        if (key == null) {
            return null;
        }
        int ext = key.indexOf(";ext=");
        return ext < 0 ? key : key.substring(0, ext);
    }
}
