package com.contactsync.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.JsonPath;

/**
 * A rule's JSONPath, ready to select values of a parsed document: {@link SimplePath} walks the Jackson tree
 * itself for paths of keys, indexes and wildcards ({@code $.emails}, {@code $.contact.primary.email},
 * {@code $.emailAddresses[*].value}); anything else (filters, deep scans, slices, unions) goes to Jayway
 * ({@link JaywayPath}). Both report what they select in document order within one path.
 */
abstract class CompiledPath {

    /** Receives one selected value: the node, its child ordinals from the root, its normalized path. */
    interface Found {
        void found(JsonNode node, int[] order, String path);
    }

    abstract void select(JsonNode root, Found found);

    /**
     * Compiles a path.
     *
     * @throws IllegalArgumentException saying what is wrong with it
     */
    static CompiledPath compile(String path, boolean caseSensitive) {
        if (path.isEmpty() || path.charAt(0) != '$') {
            throw new IllegalArgumentException("\"" + path + "\" is not a JSONPath: it must start with $ (e.g. $."
                    + (path.isEmpty() ? "emails" : path) + ")");
        }
        JsonPath jayway;
        try {
            jayway = JsonPath.compile(path);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("\"" + path + "\" is not a valid JSONPath: " + e.getMessage(), e);
        }
        SimplePath simple = SimplePath.parse(path, caseSensitive);
        return simple != null ? simple : new JaywayPath(jayway, caseSensitive);
    }

    static int[] append(int[] order, int ordinal) {
        int[] longer = java.util.Arrays.copyOf(order, order.length + 1);
        longer[order.length] = ordinal;
        return longer;
    }

    /** Keys compare as written, or (the default) by their Locale.ROOT lower case, as the job always did. */
    static String keyForm(String key, boolean caseSensitive) {
        return caseSensitive ? key : key.toLowerCase(java.util.Locale.ROOT);
    }
}
