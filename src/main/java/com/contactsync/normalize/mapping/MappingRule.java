package com.contactsync.normalize.mapping;

import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One rule of a {@link Mapping}: a JSONPath selecting entries of one kind.
 *
 * @param path   the JSONPath (Jayway syntax), starting with {@code $}
 * @param type   the type of selected entries that carry none, or null
 * @param fields entry fields this rule reads instead of the mapping's {@code entry-fields}; may be empty
 */
public record MappingRule(String path, String type, Map<EntryField, List<String>> fields)
        implements java.io.Serializable {

    public MappingRule {
        Objects.requireNonNull(path, "path");
        fields = Map.copyOf(fields);
    }

    public static MappingRule of(String path) {
        return new MappingRule(path, null, Map.of());
    }
}
