package com.contactsync.shapes;

import com.contactsync.normalize.ContactValueProbe;
import com.contactsync.normalize.mapping.CompiledMapping;
import com.contactsync.normalize.mapping.JsonPathText;
import com.contactsync.normalize.mapping.Mapping;
import com.contactsync.normalize.mapping.RuleKind;
import com.contactsync.normalize.mapping.Selection;
import com.contactsync.normalize.mapping.Selections;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Counts the shapes of contacts documents, one profile at a time: every path (indexes collapsed), how many
 * profiles have it, its value types, which of its strings are emails or phones as a whole, and whether the
 * mapping's rules select it. Documents are decoded and contacts detected exactly as the normalizer does
 * ({@link ContactValueProbe}); a value counts as covered when a rule of either kind selected it or a value
 * holding it, as in the normalizer's search for unmapped contacts. Not thread-safe.
 */
public final class ShapeCensus {

    /** Distinct paths tracked; documents keyed by ids or names would otherwise grow the table without end. */
    static final int MAX_PATHS = 5_000;
    private static final List<int[]> NOTHING_SELECTED = List.of();

    private final CompiledMapping mapping;
    private final ContactValueProbe probe;
    private final Map<String, Tally> paths = new HashMap<>();
    private int sampled;
    private int json;
    private int empty;
    private int malformed;
    private int notDocuments;
    private long contacts;
    private long coveredContacts;
    private long untrackedValues;

    public ShapeCensus(Mapping mapping, String defaultRegion) {
        this.mapping = mapping.compiled();
        this.probe = new ContactValueProbe(defaultRegion);
    }

    /** Counts one sampled profile: its contacts text as stored, and its country (either may be null). */
    public void add(String contactsText, String profileCountry) {
        sampled++;
        ContactValueProbe.Document document = probe.read(contactsText);
        switch (document.reading()) {
            case NOTHING -> empty++;
            case MALFORMED -> malformed++;
            case NOT_A_DOCUMENT -> notDocuments++;
            case JSON -> {
                json++;
                JsonNode root = document.root();
                walk(root, JsonPathText.ROOT, selectedOrders(mapping.select(root)), 0, false, probe.region(profileCountry));
            }
        }
    }

    public CensusResult result() {
        List<PathShape> shapes = new ArrayList<>(paths.size());
        paths.forEach((path, t) -> shapes.add(new PathShape(path, t.profiles, ValueType.names(t.types), t.emails, t.phones,
                t.coveredValues == t.values, t.emails - t.coveredEmails, t.phones - t.coveredPhones)));
        shapes.sort(Comparator.comparing(PathShape::path, String.CASE_INSENSITIVE_ORDER).thenComparing(PathShape::path));
        return new CensusResult(new CensusResult.Documents(sampled, json, empty, malformed, notDocuments), shapes, contacts, coveredContacts, untrackedValues);
    }

    /** The child ordinals, from the root, of every value a rule selected. */
    private static List<int[]> selectedOrders(Selections selections) {
        List<Selection> emails = selections.of(RuleKind.EMAILS);
        List<Selection> phones = selections.of(RuleKind.PHONES);
        if (emails.isEmpty() && phones.isEmpty()) {
            return NOTHING_SELECTED;
        }
        List<int[]> orders = new ArrayList<>(emails.size() + phones.size());
        emails.forEach(s -> orders.add(s.order()));
        phones.forEach(s -> orders.add(s.order()));
        return orders;
    }

    /**
     * @param selected the selected values at or below this node (their orders match the path so far)
     * @param covered  whether a value holding this one was selected
     */
    private void walk(JsonNode node, String path, List<int[]> selected, int depth, boolean covered, String region) {
        for (int i = 0; !covered && i < selected.size(); i++) {
            covered = selected.get(i).length == depth;
        }
        ContactValueProbe.Kind kind = node.isTextual() ? probe.kindOf(node.textValue(), region) : null;
        if (kind != null) {
            contacts++;
            coveredContacts += covered ? 1 : 0;
        }
        Tally tally = tally(path);
        if (tally != null) {
            tally.count(sampled, ValueType.of(node), kind, covered);
        }
        if (node.isObject()) {
            int ordinal = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ordinal++) {
                Map.Entry<String, JsonNode> field = it.next();
                walk(field.getValue(), JsonPathText.child(path, field.getKey()), below(selected, depth, ordinal, covered),
                        depth + 1, covered, region);
            }
        } else if (node.isArray()) {
            String elements = JsonPathText.anyIndex(path);
            for (int i = 0; i < node.size(); i++) {
                walk(node.get(i), elements, below(selected, depth, i, covered), depth + 1, covered, region);
            }
        }
    }

    /** The selected values at or below the child {@code ordinal} of a node at {@code depth}. */
    private static List<int[]> below(List<int[]> selected, int depth, int ordinal, boolean covered) {
        if (covered || selected.isEmpty()) {
            return NOTHING_SELECTED;
        }
        List<int[]> inside = null;
        for (int[] order : selected) {
            if (order.length > depth && order[depth] == ordinal) {
                if (inside == null) {
                    inside = new ArrayList<>(2);
                }
                inside.add(order);
            }
        }
        return inside == null ? NOTHING_SELECTED : inside;
    }

    private Tally tally(String path) {
        Tally tally = paths.get(path);
        if (tally == null) {
            if (paths.size() >= MAX_PATHS) {
                untrackedValues++;
                return null;
            }
            tally = new Tally();
            paths.put(path, tally);
        }
        return tally;
    }

    /** The counts of one path. */
    private static final class Tally {
        int lastProfile;
        int profiles;
        int types;
        int values;
        int coveredValues;
        int emails;
        int phones;
        int coveredEmails;
        int coveredPhones;

        void count(int profile, ValueType type, ContactValueProbe.Kind kind, boolean covered) {
            if (lastProfile != profile) {
                lastProfile = profile;
                profiles++;
            }
            types |= type.bit();
            values++;
            coveredValues += covered ? 1 : 0;
            if (kind == ContactValueProbe.Kind.EMAIL) {
                emails++;
                coveredEmails += covered ? 1 : 0;
            } else if (kind == ContactValueProbe.Kind.PHONE) {
                phones++;
                coveredPhones += covered ? 1 : 0;
            }
        }
    }
}
