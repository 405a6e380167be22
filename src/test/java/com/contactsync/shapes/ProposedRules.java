package com.contactsync.shapes;

import com.contactsync.normalize.mapping.Mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.UncheckedIOException;

/** What a user does with a proposal: pastes the printed {@code mapping:} snippet's rules after a mapping's own. */
public final class ProposedRules {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final ObjectMapper JSON = new ObjectMapper();

    private ProposedRules() {}

    /** {@code base} with the rules of a printed snippet ({@code mapping: {emails: [...], phones: [...]}}) appended. */
    public static Mapping appendedTo(Mapping base, String yamlSnippet) {
        try {
            JsonNode proposed = YAML.readTree(yamlSnippet).get("mapping");
            ObjectNode merged = (ObjectNode) JSON.readTree(base.canonicalJson());
            for (String kind : new String[] {"emails", "phones"}) {
                if (proposed.has(kind)) {
                    ((ArrayNode) merged.get(kind)).addAll((ArrayNode) proposed.get(kind));
                }
            }
            return Mapping.fromJson(merged);
        } catch (IOException e) {
            throw new UncheckedIOException("not a mapping snippet:\n" + yamlSnippet, e);
        }
    }
}
