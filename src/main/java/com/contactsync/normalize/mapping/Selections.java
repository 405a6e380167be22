package com.contactsync.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/** What a mapping's rules selected in one document, per kind in document order, and what they left. */
public final class Selections {

    /** Receives a string value no rule selected. */
    public interface LooseString {
        void found(String path, String text);
    }

    private final CompiledMapping mapping;
    private final JsonNode root;
    private final List<Selection> emails;
    private final List<Selection> phones;

    Selections(CompiledMapping mapping, JsonNode root, List<Selection> emails, List<Selection> phones) {
        this.mapping = mapping;
        this.root = root;
        this.emails = emails;
        this.phones = phones;
    }

    public List<Selection> of(RuleKind kind) {
        return kind == RuleKind.EMAILS ? emails : kind == RuleKind.PHONES ? phones : List.of();
    }

    /** Whether any rule selected anything, even a null. */
    public boolean any() {
        return !emails.isEmpty() || !phones.isEmpty();
    }

    /**
     * Visits, in document order, every string value outside what the rules selected (strings inside a
     * selected entry count as selected) and outside the mapping's {@code ignore} paths, for which
     * {@code worthChecking} holds; the path is built only for those.
     */
    public void forEachLooseString(Predicate<String> worthChecking, LooseString visitor) {
        Cover cover = new Cover();
        emails.forEach(s -> cover.add(s.order()));
        phones.forEach(s -> cover.add(s.order()));
        for (CompiledRule rule : mapping.ignoreRules()) {
            rule.path().select(root, (node, order, path) -> cover.add(order));
        }
        new Walk(worthChecking, visitor).node(root, cover, 0);
    }

    /** The selected subtrees as a trie of child ordinals (small: a few selections per document). */
    private static final class Cover {
        boolean whole;
        int[] ordinals;
        Cover[] children;
        int size;

        void add(int[] order) {
            Cover c = this;
            for (int ordinal : order) {
                if (c.whole) {
                    return;
                }
                Cover next = c.child(ordinal);
                if (next == null) {
                    next = c.put(ordinal);
                }
                c = next;
            }
            c.whole = true;
        }

        Cover child(int ordinal) {
            for (int i = 0; i < size; i++) {
                if (ordinals[i] == ordinal) {
                    return children[i];
                }
            }
            return null;
        }

        private Cover put(int ordinal) {
            if (ordinals == null) {
                ordinals = new int[4];
                children = new Cover[4];
            } else if (size == ordinals.length) {
                ordinals = java.util.Arrays.copyOf(ordinals, size * 2);
                children = java.util.Arrays.copyOf(children, size * 2);
            }
            Cover c = new Cover();
            ordinals[size] = ordinal;
            children[size++] = c;
            return c;
        }
    }

    private static final class Walk {
        private final Predicate<String> worthChecking;
        private final LooseString visitor;
        /** The path to the current node: a String key or an Integer index per level. */
        private Object[] steps = new Object[8];

        Walk(Predicate<String> worthChecking, LooseString visitor) {
            this.worthChecking = worthChecking;
            this.visitor = visitor;
        }

        void node(JsonNode node, Cover cover, int depth) {
            if (cover != null && cover.whole) {
                return;
            }
            if (node.isObject()) {
                int ordinal = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ordinal++) {
                    Map.Entry<String, JsonNode> field = it.next();
                    JsonNode value = field.getValue();
                    if (value.isContainerNode() || value.isTextual()) {
                        push(depth, field.getKey());
                        node(value, cover == null ? null : cover.child(ordinal), depth + 1);
                    }
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    JsonNode value = node.get(i);
                    if (value.isContainerNode() || value.isTextual()) {
                        push(depth, i);
                        node(value, cover == null ? null : cover.child(i), depth + 1);
                    }
                }
            } else if (node.isTextual() && worthChecking.test(node.textValue())) {
                visitor.found(path(depth), node.textValue());
            }
        }

        private void push(int depth, Object step) {
            if (depth == steps.length) {
                steps = java.util.Arrays.copyOf(steps, depth * 2);
            }
            steps[depth] = step;
        }

        private String path(int depth) {
            String path = JsonPathText.ROOT;
            for (int i = 0; i < depth; i++) {
                path = steps[i] instanceof String key ? JsonPathText.child(path, key) : JsonPathText.index(path, (Integer) steps[i]);
            }
            return path;
        }
    }
}
