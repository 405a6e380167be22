package com.contactsync.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and checks the {@code mapping:} section; every complaint names the key or rule it is about. */
final class MappingReader {

    private static final Set<String> SECTION_KEYS = Set.of("case-sensitive", "entry-fields", "emails", "phones", "ignore");
    private static final Set<String> RULE_KEYS = Set.of("path", "type", "fields");

    private MappingReader() {}

    static Mapping read(JsonNode section) {
        if (section == null || section.isMissingNode() || section.isNull()) {
            return Mapping.defaults();
        }
        if (!section.isObject()) {
            throw new MappingException("", "must be a map with keys " + sorted(SECTION_KEYS) + ", got " + describe(section));
        }
        rejectUnknownKeys(section, SECTION_KEYS, "", "the mapping section");
        boolean caseSensitive = false;
        JsonNode cs = section.get("case-sensitive");
        if (cs != null && !cs.isNull()) {
            if (!cs.isBoolean()) {
                throw new MappingException("case-sensitive", "must be true or false, got " + describe(cs));
            }
            caseSensitive = cs.booleanValue();
        }
        Map<EntryField, List<String>> entryFields = new EnumMap<>(Mapping.DEFAULT_ENTRY_FIELDS);
        JsonNode ef = section.get("entry-fields");
        if (ef != null && !ef.isNull()) {
            entryFields.putAll(fields(ef, "entry-fields", null));
        }
        List<MappingRule> emails = rules(section.get("emails"), RuleKind.EMAILS, Mapping.DEFAULT_EMAILS);
        List<MappingRule> phones = rules(section.get("phones"), RuleKind.PHONES, Mapping.DEFAULT_PHONES);
        List<String> ignore = new ArrayList<>();
        JsonNode ig = section.get("ignore");
        if (ig != null && !ig.isNull()) {
            if (!ig.isArray()) {
                throw new MappingException("ignore", "must be a list of JSONPaths, got " + describe(ig));
            }
            for (int i = 0; i < ig.size(); i++) {
                ignore.add(path(ig.get(i), "ignore[" + i + "]"));
            }
        }
        return new Mapping(caseSensitive, entryFields, emails, phones, ignore);
    }

    private static List<MappingRule> rules(JsonNode node, RuleKind kind, List<MappingRule> defaults) {
        if (node == null || node.isNull()) {
            return defaults;
        }
        String where = kind.key();
        if (!node.isArray()) {
            throw new MappingException(where, "must be a list of rules (- path: $.key), got " + describe(node));
        }
        if (node.isEmpty()) {
            throw new MappingException(where, "the list of rules is empty; leave the key out for the default rules");
        }
        List<MappingRule> rules = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            String ruleWhere = where + "[" + i + "]";
            JsonNode r = node.get(i);
            if (!r.isObject()) {
                throw new MappingException(ruleWhere, "a rule is a map with keys " + sorted(RULE_KEYS)
                        + " (e.g. - path: $.emails), got " + describe(r));
            }
            rejectUnknownKeys(r, RULE_KEYS, ruleWhere + ".", "a rule");
            String path = path(r.get("path"), ruleWhere + ".path");
            String type = null;
            JsonNode t = r.get("type");
            if (t != null && !t.isNull()) {
                if (!t.isTextual() || t.textValue().isBlank()) {
                    throw new MappingException(ruleWhere + ".type", "must be a non-blank string, got " + describe(t));
                }
                type = t.textValue().strip();
            }
            Map<EntryField, List<String>> fields = Map.of();
            JsonNode f = r.get("fields");
            if (f != null && !f.isNull()) {
                fields = fields(f, ruleWhere + ".fields", kind);
            }
            rules.add(new MappingRule(path, type, fields));
        }
        return rules;
    }

    private static String path(JsonNode node, String where) {
        if (node == null || node.isNull()) {
            throw new MappingException(where, "is required (a JSONPath such as $.emails)");
        }
        if (!node.isTextual()) {
            throw new MappingException(where, "must be a JSONPath string, got " + describe(node));
        }
        String path = node.textValue().strip();
        try {
            CompiledPath.compile(path, false);
        } catch (IllegalArgumentException e) {
            throw new MappingException(where, e.getMessage(), e);
        }
        return path;
    }

    /** A map of entry fields to lists of key names; {@code kind} null for entry-fields (all fields allowed). */
    private static Map<EntryField, List<String>> fields(JsonNode node, String where, RuleKind kind) {
        if (!node.isObject()) {
            throw new MappingException(where, "must be a map of entry fields to lists of keys, got " + describe(node));
        }
        Map<EntryField, List<String>> fields = new EnumMap<>(EntryField.class);
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            EntryField field = EntryField.ofKey(e.getKey());
            List<String> allowed = new ArrayList<>();
            for (EntryField f : EntryField.values()) {
                if (kind == null || f.appliesTo(kind)) {
                    allowed.add(f.key());
                }
            }
            if (field == null || !allowed.contains(field.key())) {
                throw new MappingException(where + "." + e.getKey(), "unknown entry field"
                        + (kind == null ? "" : " for " + kind.key() + " rules") + "; known: " + String.join(", ", allowed));
            }
            JsonNode names = e.getValue();
            String fieldWhere = where + "." + e.getKey();
            if (!names.isArray()) {
                throw new MappingException(fieldWhere, "must be a list of keys such as [email, value], got " + describe(names));
            }
            if (names.isEmpty()) {
                throw new MappingException(fieldWhere, "the list of keys is empty; name at least one key");
            }
            List<String> list = new ArrayList<>();
            for (int i = 0; i < names.size(); i++) {
                JsonNode n = names.get(i);
                if (!n.isTextual() || n.textValue().isEmpty()) {
                    throw new MappingException(fieldWhere + "[" + i + "]", "must be a non-empty key name, got " + describe(n));
                }
                list.add(n.textValue());
            }
            fields.put(field, List.copyOf(list));
        }
        return fields;
    }

    private static void rejectUnknownKeys(JsonNode object, Set<String> known, String prefix, String what) {
        for (Iterator<String> it = object.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!known.contains(key)) {
                throw new MappingException(prefix + key, "unknown key in " + what + "; known: " + sorted(known));
            }
        }
    }

    private static String sorted(Set<String> keys) {
        return String.join(", ", keys.stream().sorted().toList());
    }

    private static String describe(JsonNode node) {
        String text = node.toString();
        return text.length() > 80 ? text.substring(0, 80) + "..." : text;
    }
}
