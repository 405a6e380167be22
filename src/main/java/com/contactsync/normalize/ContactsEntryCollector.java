package com.contactsync.normalize;

import com.contactsync.normalize.mapping.CompiledMapping;
import com.contactsync.normalize.mapping.CompiledRule;
import com.contactsync.normalize.mapping.EntryField;
import com.contactsync.normalize.mapping.JsonPathText;
import com.contactsync.normalize.mapping.Mapping;
import com.contactsync.normalize.mapping.RuleKind;
import com.contactsync.normalize.mapping.Selection;
import com.contactsync.normalize.mapping.Selections;

import com.fasterxml.jackson.databind.JsonNode;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Finds the email and phone entries in a parsed contacts tree where a {@link Mapping}'s rules point,
 * flattening the shapes legacy data has.
 *
 * <p>What a rule selects (a path may select several values; within a kind they are read in document
 * order, see {@link CompiledMapping}): a string (a ','/';'-separated one, for phones also ' / ', see
 * {@link ListSplitter}), an entry object, or arrays of these nested to any depth the parser allows.
 * Directly at a selected value null, a blank string and [] mean "no entries"; inside an array or an entry
 * object an empty value is an empty entry. A JSON number is a phone written as a number, but an unexpected
 * shape for emails. Entry objects take their value from the first present of the value keys the rule's
 * fields name (default email, address, value for emails; number, phone, value for phones); type, region and
 * extension from the first of their keys holding a non-null value (default type/label, country/region,
 * ext/extension); other keys are ignored. Keys compare by their lower case unless the mapping is
 * case-sensitive. An entry without a type takes its rule's constant type.
 *
 * <p>An empty root object or array means no entries. A non-empty root in which no rule selects anything
 * gives CONTACTS_UNEXPECTED_SHAPE for the whole value (with the default mapping: any root but an object with
 * an emails/email/phones/phone key): we do not guess whether a bare string is an email or a phone, since
 * filing it under the wrong kind would corrupt the target tables. An unusable entry (a boolean, an object
 * without a value key ...) takes a position and becomes an entry with {@link RawEntry#unexpectedShape()}.
 * At most {@code maxPerKind} entries of each kind are kept; the rest are only counted. Every entry carries
 * its normalized JSON path; the strings no rule selected that may hold a contact are listed for
 * {@link UnmappedContactDetector}.
 */
final class ContactsEntryCollector {

    private final CompiledMapping mapping;

    ContactsEntryCollector(CompiledMapping mapping) {
        this.mapping = mapping;
    }

    /** A collector of the default mapping. */
    ContactsEntryCollector() {
        this(Mapping.defaults().compiled());
    }

    RawContacts collect(JsonNode root, String contactsText, int maxPerKind) {
        if (root == null || root.isNull() || root.isMissingNode()) {
            return RawContacts.NONE;
        }
        if (root.isContainerNode() && root.isEmpty()) {
            return RawContacts.NONE;
        }
        Selections selections = mapping.select(root);
        if (!selections.any()) {
            return RawContacts.of(QualityIssue.aboutContacts(QualityCode.CONTACTS_UNEXPECTED_SHAPE,
                    contactsText, mapping.nothingSelected(root, typeName(root))));
        }
        KindEntries emails = new KindEntries(ContactKind.EMAIL, maxPerKind);
        for (Selection selection : selections.of(RuleKind.EMAILS)) {
            emails.addSelection(selection);
        }
        KindEntries phones = new KindEntries(ContactKind.PHONE, maxPerKind);
        for (Selection selection : selections.of(RuleKind.PHONES)) {
            phones.addSelection(selection);
        }
        List<RawContacts.LooseText> loose = new ArrayList<>(0);
        selections.forEachLooseString(UnmappedContactDetector::worthChecking,
                (path, text) -> loose.add(new RawContacts.LooseText(path, text)));
        return new RawContacts(List.of(), emails.entries, emails.dropped(), phones.entries, phones.dropped(),
                loose.isEmpty() ? List.of() : loose);
    }

    /** Collects one kind's entries, numbering all of them and keeping the first {@code max}. */
    private static final class KindEntries {
        private final ContactKind kind;
        private final int max;
        private final List<RawEntry> entries = new ArrayList<>();
        private int seen;
        private CompiledRule rule;
        private java.util.Set<String> holes;

        KindEntries(ContactKind kind, int max) {
            this.kind = kind;
            this.max = max;
        }

        int dropped() {
            return seen - entries.size();
        }

        void addSelection(Selection selection) {
            rule = selection.rule();
            holes = selection.holes();
            JsonNode value = selection.node();
            boolean nothing = value.isNull()
                    || (value.isTextual() && UnicodeSpaces.isBlank(value.textValue()))
                    || (value.isArray() && value.isEmpty());
            if (!nothing) {
                addValue(value, selection.path());
            }
        }

        private void addValue(JsonNode value, String path) {
            if (value.isArray()) {
                for (int i = 0; i < value.size(); i++) {
                    String elementPath = JsonPathText.index(path, i);
                    if (holes.isEmpty() || !holes.contains(elementPath)) {
                        addValue(value.get(i), elementPath);
                    }
                }
            } else if (value.isObject()) {
                addObject(value, path);
            } else {
                addScalar(value, rule.type(), null, null, value, path, path);
            }
        }

        private void addObject(JsonNode object, String path) {
            EntryField valueField = kind == ContactKind.EMAIL ? EntryField.EMAIL : EntryField.PHONE;
            JsonNode value = null;
            String valueKey = null;
            int valueRank = Integer.MAX_VALUE;
            JsonNode[] type = null;
            JsonNode[] region = null;
            JsonNode[] ext = null;
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                String key = rule.keyForm(field.getKey());
                int rank = rule.rank(valueField, key);
                if (rank >= 0) {
                    if (rank < valueRank) {
                        value = field.getValue();
                        valueKey = field.getKey();
                        valueRank = rank;
                    }
                    continue; // a value key is never also read as type, region or extension
                }
                type = firstOfRank(type, EntryField.TYPE, key, field.getValue());
                region = firstOfRank(region, EntryField.REGION, key, field.getValue());
                ext = firstOfRank(ext, EntryField.EXTENSION, key, field.getValue());
            }
            if (value == null) {
                shape(object, "an entry object without " + String.join("/", rule.names(valueField)), path);
                return;
            }
            String typeText = typeText(firstUsable(type));
            if (typeText == null) {
                typeText = rule.type();
            }
            String regionText = scalarText(firstUsable(region));
            String extText = scalarText(firstUsable(ext));
            addScalar(value, typeText, regionText, extText, object, JsonPathText.child(path, valueKey), path);
        }

        /** Remembers the first value of each key the field names, by the key's rank. */
        private JsonNode[] firstOfRank(JsonNode[] found, EntryField field, String key, JsonNode value) {
            int rank = rule.rank(field, key);
            if (rank < 0) {
                return found;
            }
            if (found == null) {
                found = new JsonNode[rule.nameCount(field)];
            }
            if (found[rank] == null) {
                found[rank] = value;
            }
            return found;
        }

        private void addScalar(JsonNode value, String type, String region, String ext, JsonNode evidence,
                               String valuePath, String entryPath) {
            if (value.isNull()) {
                add(new RawEntry(seen, null, type, region, ext, null, valuePath));
            } else if (value.isTextual()) {
                for (String piece : ListSplitter.split(value.textValue(), kind)) {
                    add(new RawEntry(seen, piece, type, region, ext, null, valuePath));
                }
            } else if (value.isNumber() && kind == ContactKind.PHONE) {
                add(new RawEntry(seen, numberText(value), type, region, ext, null, valuePath));
            } else {
                shape(evidence, "a JSON " + typeName(value) + " where " + (kind == ContactKind.EMAIL
                        ? "an email" : "a phone") + " was expected", entryPath);
            }
        }

        private void shape(JsonNode evidence, String why, String path) {
            add(new RawEntry(seen, StoredText.cap(evidence.toString(), StoredText.MAX_EVIDENCE_CHARS),
                    null, null, null, why, path));
        }

        private void add(RawEntry entry) {
            if (seen++ < max) {
                entries.add(entry);
            }
        }
    }

    /** The first value of the highest-ranked key that is present and not JSON null, or null. */
    private static JsonNode firstUsable(JsonNode[] byRank) {
        if (byRank == null) {
            return null;
        }
        JsonNode last = null;
        for (JsonNode candidate : byRank) {
            if (candidate != null && !candidate.isNull()) {
                return candidate;
            }
            last = candidate != null ? candidate : last;
        }
        return last;
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
