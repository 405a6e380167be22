package com.contactsync.privacy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import java.util.ArrayList;
import java.util.List;

/**
 * Erases a contact at the places its quality issues recorded in a parsed contacts document, where no
 * mapping rule reads it: a string that is the contact ({@code CONTACT_UNMAPPED}) goes with its key or
 * array element; a text that mentions it ({@code CONTACT_MENTIONED}) keeps its words and gets
 * {@value #ERASED} in the contact's place. A place whose string no longer holds the contact (the
 * profile changed since) is left to the general scrub that follows.
 */
final class RecordedPlaceEraser {

    static final String ERASED = "[erased]";

    private final Mentions mentions;

    RecordedPlaceEraser(Mentions mentions) {
        this.mentions = mentions;
    }

    /** Edits {@code root} in place. */
    void erase(JsonNode root, List<RecordedPlace> places, ContactEntryRemover.Tally tally) {
        // Removals wait until every place is resolved, so removing an array element never moves the next place.
        List<JsonNode[]> removals = new ArrayList<>();
        for (RecordedPlace place : places) {
            List<Object> steps = place.steps();
            if (steps == null || steps.isEmpty()) {
                continue; // the root is a plain string: the scrub handles it
            }
            JsonNode parent = root;
            for (Object step : steps.subList(0, steps.size() - 1)) {
                parent = parent == null ? null : child(parent, step);
            }
            Object last = steps.get(steps.size() - 1);
            JsonNode value = parent == null ? null : child(parent, last);
            if (value == null || !value.isTextual() || !mentions.in(value.textValue())) {
                continue;
            }
            if (place.wholeValue()) {
                tally.entries++;
                removals.add(new JsonNode[] {parent, value});
            } else {
                tally.mentions++;
                TextNode replaced = TextNode.valueOf(mentions.replace(value.textValue(), ERASED));
                if (parent.isObject()) {
                    ((ObjectNode) parent).set((String) last, replaced);
                } else {
                    ((ArrayNode) parent).set((Integer) last, replaced);
                }
            }
        }
        for (JsonNode[] removal : removals) {
            remove(removal[0], removal[1]);
        }
    }

    private static JsonNode child(JsonNode node, Object step) {
        if (step instanceof Integer index) {
            return node.isArray() ? node.get(index) : null;
        }
        return node.isObject() ? node.get((String) step) : null;
    }

    /** Removes {@code value} itself (by identity) from its parent. */
    private static void remove(JsonNode parent, JsonNode value) {
        if (parent.isArray()) {
            for (int i = 0; i < parent.size(); i++) {
                if (parent.get(i) == value) {
                    ((ArrayNode) parent).remove(i);
                    return;
                }
            }
        } else {
            ObjectNode object = (ObjectNode) parent;
            List<String> names = new ArrayList<>();
            object.fieldNames().forEachRemaining(names::add);
            for (String name : names) {
                if (object.get(name) == value) {
                    object.remove(name);
                    return;
                }
            }
        }
    }
}
