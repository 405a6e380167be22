package com.contactsync.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A {@link Mapping} ready to select entries: its rules compiled once (simple paths walk the Jackson tree,
 * the rest go to Jayway). Not Serializable; {@link Mapping#compiled()} builds it per JVM.
 *
 * <p>Within a kind a value is read once: when rules select overlapping values (the same value, or one
 * inside another) the rule listed first wins the overlap. Entries are numbered in document order,
 * whichever rule selected them, so the classic {@code emails}/{@code email} keys number as they always did.
 */
public final class CompiledMapping {

    private static final Comparator<Selection> DOCUMENT_ORDER = (a, b) -> Arrays.compare(a.order(), b.order());

    private final boolean isDefault;
    private final List<CompiledRule> emails;
    private final List<CompiledRule> phones;
    private final List<CompiledRule> ignore;

    CompiledMapping(Mapping mapping) {
        this.isDefault = mapping.isDefault();
        this.emails = compile(mapping, RuleKind.EMAILS);
        this.phones = compile(mapping, RuleKind.PHONES);
        this.ignore = compile(mapping, RuleKind.IGNORE);
    }

    private static List<CompiledRule> compile(Mapping mapping, RuleKind kind) {
        List<CompiledRule> rules = new ArrayList<>();
        List<MappingRule> list = mapping.rules(kind);
        for (int i = 0; i < list.size(); i++) {
            rules.add(new CompiledRule(kind, i, list.get(i), mapping));
        }
        return List.copyOf(rules);
    }

    /** Evaluates every rule on a parsed document. */
    public Selections select(JsonNode root) {
        return new Selections(this, root, accept(emails, root), accept(phones, root));
    }

    /**
     * Why a non-empty document gave no entries: nothing any rule selects. The default mapping keeps the
     * wording the job always had.
     */
    public String nothingSelected(JsonNode root, String typeName) {
        if (isDefault) {
            return root.isObject() ? "JSON object without emails/phones keys"
                    : "top-level JSON " + typeName + "; expected an object with emails/phones";
        }
        return (root.isObject() ? "JSON object" : "top-level JSON " + typeName) + " in which no mapping rule selects anything";
    }

    List<CompiledRule> ignoreRules() {
        return ignore;
    }

    private static List<Selection> accept(List<CompiledRule> rules, JsonNode root) {
        List<Selection> accepted = new ArrayList<>(2);
        for (CompiledRule rule : rules) {
            rule.path().select(root, (node, order, path) -> offer(accepted, rule, node, order, path));
        }
        if (accepted.size() > 1) {
            accepted.sort(DOCUMENT_ORDER);
        }
        return accepted;
    }

    private static void offer(List<Selection> accepted, CompiledRule rule, JsonNode node, int[] order, String path) {
        Set<String> holes = Set.of();
        for (Selection a : accepted) {
            if (isPrefix(a.order(), order)) {
                return; // the same value, or one inside a value an earlier rule took
            }
            if (isPrefix(order, a.order())) {
                if (holes.isEmpty()) {
                    holes = new HashSet<>();
                }
                holes.add(a.path());
            }
        }
        accepted.add(new Selection(rule, node, path, order, holes));
    }

    static boolean isPrefix(int[] prefix, int[] order) {
        return prefix.length <= order.length && Arrays.equals(prefix, 0, prefix.length, order, 0, prefix.length);
    }
}
