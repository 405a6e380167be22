package com.contactsync.normalize;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the email and phone entries in a parsed contacts tree, flattening the shapes legacy data has.
 *
 * <p>The root must be an object; its keys {@code emails}/{@code email} and {@code phones}/{@code phone}
 * (any case, all of them, in document order) hold a string, a ','/';'-separated string (see
 * {@link ListSplitter}), an entry object, or arrays of these nested to any depth the parser allows.
 * Directly under such a key null, a blank string and [] mean "no entries"; inside an array or an entry
 * object an empty value is an empty entry. A JSON number is a phone written as a number, but an unexpected
 * shape under emails. Entry objects take their value from email, address or value (emails) or number,
 * phone or value (phones), preferred in that order; type from type, else label; region from country,
 * else region; extension from ext, else extension. Other keys are ignored.
 *
 * <p>An empty root object or array means no entries. Any other root (a non-empty array, even of strings;
 * a number; an object with none of the keys) gives CONTACTS_UNEXPECTED_SHAPE for the whole value: we do
 * not guess whether a bare string is an email or a phone, since filing it under the wrong kind would
 * corrupt the target tables. An unusable entry (a boolean, an object without a value key ...) takes a
 * position and becomes an entry with {@link RawEntry#unexpectedShape()}. At most {@code maxPerKind}
 * entries of each kind are kept; the rest are only counted.
 */
final class ContactsEntryCollector {

    RawContacts collect(JsonNode root, String contactsText, int maxPerKind) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            return RawContacts.NONE;
        }
        if (root.isArray() && root.isEmpty()) {
            return RawContacts.NONE;
        }
        if (!root.isObject()) {
            return RawContacts.of(QualityIssue.aboutContacts(QualityCode.CONTACTS_UNEXPECTED_SHAPE,
                    contactsText, "top-level JSON " + typeName(root) + "; expected an object with emails/phones"));
        }
        if (root.isEmpty()) {
            return RawContacts.NONE;
        }
        KindEntries emails = new KindEntries(ContactKind.EMAIL, maxPerKind);
        KindEntries phones = new KindEntries(ContactKind.PHONE, maxPerKind);
        boolean anyKey = false;
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> field = it.next();
            ContactKind kind = ContactKind.ofListKey(field.getKey());
            if (kind != null) {
                anyKey = true;
                (kind == ContactKind.EMAIL ? emails : phones).addListValue(field.getValue());
            }
        }
        if (!anyKey) {
            return RawContacts.of(QualityIssue.aboutContacts(QualityCode.CONTACTS_UNEXPECTED_SHAPE,
                    contactsText, "JSON object without emails/phones keys"));
        }
        return new RawContacts(List.of(), emails.entries, emails.dropped(), phones.entries, phones.dropped());
    }

    /** Collects one kind's entries, numbering all of them and keeping the first {@code max}. */
    private static final class KindEntries {
        private final ContactKind kind;
        private final int max;
        private final List<RawEntry> entries = new ArrayList<>();
        private int seen;

        KindEntries(ContactKind kind, int max) {
            this.kind = kind;
            this.max = max;
        }

        int dropped() {
            return seen - entries.size();
        }

        void addListValue(JsonNode value) {
            boolean nothing = value.isNull()
                    || (value.isTextual() && UnicodeSpaces.isBlank(value.textValue()))
                    || (value.isArray() && value.isEmpty());
            if (!nothing) {
                addValue(value);
            }
        }

        private void addValue(JsonNode value) {
            if (value.isArray()) {
                for (JsonNode element : value) {
                    addValue(element);
                }
            } else if (value.isObject()) {
                addObject(value);
            } else {
                addScalar(value, null, null, null, value);
            }
        }

        private void addObject(JsonNode object) {
            JsonNode value = null;
            int valueRank = Integer.MAX_VALUE;
            JsonNode type = null;
            JsonNode label = null;
            JsonNode country = null;
            JsonNode region = null;
            JsonNode ext = null;
            JsonNode extension = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = field.getKey().toLowerCase(Locale.ROOT);
                int rank = kind.valueKeyRank(key);
                if (rank >= 0) {
                    if (rank < valueRank) {
                        value = field.getValue();
                        valueRank = rank;
                    }
                    continue;
                }
                switch (key) {
                    case "type" -> type = firstNonNull(type, field.getValue());
                    case "label" -> label = firstNonNull(label, field.getValue());
                    case "country" -> country = firstNonNull(country, field.getValue());
                    case "region" -> region = firstNonNull(region, field.getValue());
                    case "ext" -> ext = firstNonNull(ext, field.getValue());
                    case "extension" -> extension = firstNonNull(extension, field.getValue());
                    default -> { } // unknown keys are ignored on purpose
                }
            }
            if (value == null) {
                shape(object, "an entry object without " + String.join("/", kind.valueKeys()));
                return;
            }
            String typeText = typeText(firstUsable(type, label));
            String regionText = scalarText(firstUsable(country, region));
            String extText = scalarText(firstUsable(ext, extension));
            addScalar(value, typeText, regionText, extText, object);
        }

        private void addScalar(JsonNode value, String type, String region, String ext, JsonNode evidence) {
            if (value.isNull()) {
                add(new RawEntry(seen, null, type, region, ext, null));
            } else if (value.isTextual()) {
                for (String piece : ListSplitter.split(value.textValue(), kind)) {
                    add(new RawEntry(seen, piece, type, region, ext, null));
                }
            } else if (value.isNumber() && kind == ContactKind.PHONE) {
                add(new RawEntry(seen, numberText(value), type, region, ext, null));
            } else {
                shape(evidence, "a JSON " + typeName(value) + " where " + (kind == ContactKind.EMAIL
                        ? "an email" : "a phone") + " was expected");
            }
        }

        private void shape(JsonNode evidence, String why) {
            add(new RawEntry(seen, StoredText.cap(evidence.toString(), StoredText.MAX_EVIDENCE_CHARS),
                    null, null, null, why));
        }

        private void add(RawEntry entry) {
            if (seen++ < max) {
                entries.add(entry);
            }
        }
    }

    private static JsonNode firstNonNull(JsonNode current, JsonNode candidate) {
        return current != null ? current : candidate;
    }

    private static JsonNode firstUsable(JsonNode preferred, JsonNode other) {
        return preferred != null && !preferred.isNull() ? preferred : other;
    }

    private static String typeText(JsonNode node) {
        String text = scalarText(node);
        if (text == null) {
            return null;
        }
        String stripped = UnicodeSpaces.strip(text);
        return stripped.isEmpty() ? null : stripped.toLowerCase(Locale.ROOT);
    }

    /** Text of a string, number or boolean; null for anything else. */
    private static String scalarText(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        if (node.isNumber()) {
            return numberText(node);
        }
        return node.isTextual() ? node.textValue() : node.asText();
    }

    /** A JSON number as plain digits: 4155550123, 4.155550123E9 and 4155550123.0 all give "4155550123". */
    static String numberText(JsonNode number) {
        if (number.isIntegralNumber()) {
            return number.bigIntegerValue().toString();
        }
        BigDecimal decimal = number.decimalValue().stripTrailingZeros();
        // toPlainString of 1E+999999 would allocate a million digits.
        return Math.abs(decimal.scale()) <= 100 ? decimal.toPlainString() : decimal.toString();
    }

    private static String typeName(JsonNode node) {
        return switch (node.getNodeType()) {
            case ARRAY -> "array";
            case OBJECT -> "object";
            case NUMBER -> "number";
            case BOOLEAN -> "boolean";
            case STRING -> "string";
            case NULL -> "null";
            default -> node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
