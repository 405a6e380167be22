package com.contactsync.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * Edits a parsed contacts document in place. Under the kind's keys, an entry whose key (as the job
 * normalizes it, with the profile's country) is the erased one goes: an array element is removed,
 * the key's whole value becomes {@code null}, an entry object goes whole (its type and region
 * describe the address), and from a separated string only that piece goes. Anywhere else (other
 * keys, unusable entries, a top-level array) the contact is cut out of each string that mentions
 * it; a string left without a letter or digit goes like an entry, and for phones so does a JSON
 * number that is the erased number.
 */
final class ContactEntryRemover {

    /** What was done to one document. */
    static final class Tally {
        int entries;
        int mentions;
    }

    /** The change to make to a node in its parent: keep it, remove it, or put another in its place. */
    private record Edit(boolean removes, JsonNode replacement) {
        static final Edit KEEP = new Edit(false, null);
        static final Edit REMOVE = new Edit(true, null);
    }

    private final ContactKey key;
    private final ContactKeyNormalizer keys;
    private final Mentions mentions;

    ContactEntryRemover(ContactKey key, ContactKeyNormalizer keys, Mentions mentions) {
        this.key = key;
        this.keys = keys;
        this.mentions = mentions;
    }

    /** The edited document: {@code root} itself, or a replacement when the root is a string that goes. */
    JsonNode erase(JsonNode root, String country, Tally tally) {
        if (root.isObject()) {
            ObjectNode object = (ObjectNode) root;
            for (String name : fieldNames(object)) {
                if (key.kind().isListKey(name)) {
                    apply(object, name, entries(object.get(name), country, tally));
                }
            }
        }
        Edit edit = scrub(root, tally);
        return edit.removes() ? TextNode.valueOf("") : edit.replacement() != null ? edit.replacement() : root;
    }

    private Edit entries(JsonNode value, String country, Tally tally) {
        if (value.isArray()) {
            ArrayNode array = (ArrayNode) value;
            for (int i = array.size() - 1; i >= 0; i--) {
                apply(array, i, entries(array.get(i), country, tally));
            }
            return Edit.KEEP;
        }
        if (value.isNull() || value.isBoolean()) {
            return Edit.KEEP;
        }
        List<ContactKeyNormalizer.Piece> pieces = keys.pieces(key.kind(), value, country);
        Set<Integer> matched = new HashSet<>();
        pieces.stream().filter(p -> key.value().equals(p.key())).forEach(p -> matched.add(p.position()));
        if (matched.isEmpty()) {
            return Edit.KEEP;
        }
        tally.entries += matched.size();
        if (matched.size() == pieces.size()) {
            return Edit.REMOVE;
        }
        if (value.isTextual()) {
            return new Edit(false, TextNode.valueOf(SeparatedEntries.without(value.textValue(), pieces, matched, mentions)));
        }
        String field = valueField(value);
        if (value.isObject() && field != null && value.get(field).isTextual()) {
            ((ObjectNode) value).put(field, SeparatedEntries.without(value.get(field).textValue(), pieces, matched, mentions));
            return Edit.KEEP;
        }
        return Edit.REMOVE;
    }

    private Edit scrub(JsonNode node, Tally tally) {
        if (node.isTextual()) {
            if (!mentions.in(node.textValue())) {
                return Edit.KEEP;
            }
            tally.mentions++;
            String left = mentions.cut(node.textValue());
            return nothingLeft(left) ? Edit.REMOVE : new Edit(false, TextNode.valueOf(left));
        }
        if (node.isNumber()) {
            if (key.kind() == ContactKey.Kind.PHONE && mentions.in(plainDigits(node))) {
                tally.mentions++;
                return Edit.REMOVE;
            }
            return Edit.KEEP;
        }
        if (node.isArray()) {
            for (int i = node.size() - 1; i >= 0; i--) {
                apply((ArrayNode) node, i, scrub(node.get(i), tally));
            }
        } else if (node.isObject()) {
            for (String name : fieldNames((ObjectNode) node)) {
                apply((ObjectNode) node, name, scrub(node.get(name), tally));
            }
        }
        return Edit.KEEP;
    }

    /** The field of an entry object the job takes the value from (e.g. email before address before value). */
    private String valueField(JsonNode entry) {
        String best = null;
        int bestRank = Integer.MAX_VALUE;
        for (Iterator<String> names = entry.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            int rank = key.kind().valueKeyRank(name);
            if (rank >= 0 && rank < bestRank) {
                best = name;
                bestRank = rank;
            }
        }
        return best;
    }

    /** What is left of a string once the contact is cut out of it is worth keeping only if it says something. */
    private static boolean nothingLeft(String text) {
        return text.replaceAll("(?i)mailto:|tel:", "").codePoints().noneMatch(Character::isLetterOrDigit);
    }

    /** A JSON number as the job reads a phone written as a number: 4.15555E9 is 4155550000. */
    private static String plainDigits(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        BigDecimal decimal = number.decimalValue().stripTrailingZeros();
        return Math.abs(decimal.scale()) <= 100 ? decimal.toPlainString() : decimal.toString();
    }

    private static void apply(ObjectNode object, String name, Edit edit) {
        if (edit.removes()) {
            object.putNull(name);
        } else if (edit.replacement() != null) {
            object.set(name, edit.replacement());
        }
    }

    private static void apply(ArrayNode array, int index, Edit edit) {
        if (edit.removes()) {
            array.remove(index);
        } else if (edit.replacement() != null) {
            array.set(index, edit.replacement());
        }
    }

    private static List<String> fieldNames(ObjectNode object) {
        List<String> names = new ArrayList<>();
        object.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
