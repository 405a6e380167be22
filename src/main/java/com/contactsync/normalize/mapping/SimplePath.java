package com.contactsync.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * A path of keys ({@code .key}, {@code ['key']}), indexes ({@code [2]}) and wildcards ({@code .*}, {@code [*]}),
 * evaluated on the Jackson tree directly: what Jayway would select, without its per-document cost. With
 * case-insensitive keys every key of an object that matches is followed, in document order.
 */
final class SimplePath extends CompiledPath {

    /** One step: a key (its compare form), an index, or a wildcard. */
    private record Step(String key, int index, boolean wildcard) {}

    private final Step[] steps;
    private final boolean caseSensitive;

    private SimplePath(List<Step> steps, boolean caseSensitive) {
        this.steps = steps.toArray(new Step[0]);
        this.caseSensitive = caseSensitive;
    }

    /** The simple path, or null when the path needs Jayway (the path already compiled with Jayway). */
    static SimplePath parse(String path, boolean caseSensitive) {
        List<Step> steps = new ArrayList<>();
        int i = 1;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.') {
                if (path.startsWith(".*", i)) {
                    steps.add(new Step(null, -1, true));
                    i += 2;
                    continue;
                }
                int end = i + 1;
                while (end < path.length() && isNameChar(path.charAt(end))) {
                    end++;
                }
                if (end == i + 1) {
                    return null; // "..", or a name Jayway reads differently
                }
                steps.add(new Step(keyForm(path.substring(i + 1, end), caseSensitive), -1, false));
                i = end;
            } else if (c == '[') {
                int close = bracket(path, i, steps, caseSensitive);
                if (close < 0) {
                    return null;
                }
                i = close + 1;
            } else {
                return null;
            }
        }
        return new SimplePath(steps, caseSensitive);
    }

    /** Parses {@code [n]}, {@code [*]} or {@code ['key']} at {@code open}; the index of ']' or -1. */
    private static int bracket(String path, int open, List<Step> steps, boolean caseSensitive) {
        int i = open + 1;
        if (path.startsWith("*]", i)) {
            steps.add(new Step(null, -1, true));
            return i + 1;
        }
        if (i < path.length() && (path.charAt(i) == '\'' || path.charAt(i) == '"')) {
            char quote = path.charAt(i);
            StringBuilder key = new StringBuilder();
            for (i++; i < path.length(); i++) {
                char c = path.charAt(i);
                if (c == '\\' && i + 1 < path.length()) {
                    key.append(path.charAt(++i));
                } else if (c == quote) {
                    if (!path.startsWith("]", i + 1)) {
                        return -1; // ['a','b'] and the like
                    }
                    steps.add(new Step(keyForm(key.toString(), caseSensitive), -1, false));
                    return i + 1;
                } else {
                    key.append(c);
                }
            }
            return -1;
        }
        int end = i;
        while (end < path.length() && path.charAt(end) >= '0' && path.charAt(end) <= '9') {
            end++;
        }
        if (end == i || end - i > 9 || !path.startsWith("]", end)) {
            return -1; // negative indexes, slices, filters, unions
        }
        steps.add(new Step(null, Integer.parseInt(path.substring(i, end)), false));
        return end;
    }

    private static boolean isNameChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '-';
    }

    private static final int[] ROOT_ORDER = new int[0];

    @Override
    void select(JsonNode root, Found found) {
        walk(root, 0, ROOT_ORDER, JsonPathText.ROOT, found);
    }

    /** Whether a document key matches a step's key (cheap length test first: lower-casing ASCII keeps the length). */
    private boolean matches(String key, String stepKey) {
        if (caseSensitive) {
            return key.equals(stepKey);
        }
        if (key.length() != stepKey.length() && isAscii(key)) {
            return false;
        }
        return keyForm(key, false).equals(stepKey);
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void walk(JsonNode node, int depth, int[] order, String path, Found found) {
        if (depth == steps.length) {
            found.found(node, order, path);
            return;
        }
        Step step = steps[depth];
        if (node.isObject()) {
            if (step.index >= 0) {
                return;
            }
            int ordinal = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ordinal++) {
                Map.Entry<String, JsonNode> field = it.next();
                if (step.wildcard || matches(field.getKey(), step.key)) {
                    walk(field.getValue(), depth + 1, append(order, ordinal), JsonPathText.child(path, field.getKey()), found);
                }
            }
        } else if (node.isArray()) {
            if (step.wildcard) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), depth + 1, append(order, i), JsonPathText.index(path, i), found);
                }
            } else if (step.index >= 0 && step.index < node.size()) {
                walk(node.get(step.index), depth + 1, append(order, step.index), JsonPathText.index(path, step.index), found);
            }
        }
    }
}
