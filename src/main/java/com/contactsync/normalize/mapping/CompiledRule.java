package com.contactsync.normalize.mapping;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** One rule ready to use: its path, its constant type, and the entry fields it reads (the mapping's, overridden by its own). */
public final class CompiledRule {

    private final RuleKind kind;
    private final int index;
    private final CompiledPath path;
    private final String type;
    private final boolean caseSensitive;
    private final Map<EntryField, String[]> names = new EnumMap<>(EntryField.class);

    CompiledRule(RuleKind kind, int index, MappingRule rule, Mapping mapping) {
        this.kind = kind;
        this.index = index;
        this.caseSensitive = mapping.caseSensitive();
        try {
            this.path = CompiledPath.compile(rule.path(), caseSensitive);
        } catch (IllegalArgumentException e) {
            throw new MappingException(where(), e.getMessage(), e);
        }
        this.type = rule.type() == null ? null : rule.type().strip().toLowerCase(Locale.ROOT);
        for (EntryField field : EntryField.values()) {
            List<String> list = rule.fields().getOrDefault(field, mapping.entryFields().get(field));
            names.put(field, list.stream().map(n -> CompiledPath.keyForm(n, caseSensitive)).toArray(String[]::new));
        }
    }

    public RuleKind kind() {
        return kind;
    }

    /** Where the rule is in the mapping, as error messages name it: {@code emails[2]}. */
    public String where() {
        return kind.key() + "[" + index + "]";
    }

    int index() {
        return index;
    }

    CompiledPath path() {
        return path;
    }

    /** The constant type of entries that carry none, trimmed and lower-cased; null when the rule has none. */
    public String type() {
        return type;
    }

    /** An object key in the form {@link #rank} compares: lower-cased unless the mapping is case-sensitive. */
    public String keyForm(String key) {
        return CompiledPath.keyForm(key, caseSensitive);
    }

    /** The preference of a key (in {@link #keyForm}) for a field: 0 is the first named, -1 not named. */
    public int rank(EntryField field, String keyForm) {
        String[] list = names.get(field);
        for (int i = 0; i < list.length; i++) {
            if (list[i].equals(keyForm)) {
                return i;
            }
        }
        return -1;
    }

    /** How many keys are named for a field. */
    public int nameCount(EntryField field) {
        return names.get(field).length;
    }

    /** The keys named for a field, as configured (for messages). */
    public String[] names(EntryField field) {
        return names.get(field).clone();
    }
}
