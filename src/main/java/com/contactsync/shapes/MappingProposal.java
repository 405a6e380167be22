package com.contactsync.shapes;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Mapping rules for the paths where the census found contacts the mapping misses: an {@code emails:} rule
 * for each path holding uncovered emails, a {@code phones:} rule for each holding uncovered phones, the path
 * as the census wrote it ({@code $.contact.others[*].email}). Rules to add after the mapping's own.
 */
public record MappingProposal(List<PathShape> emails, List<PathShape> phones) {

    /** Paths YAML reads as plain text; anything else is written as a double-quoted (JSON) string. */
    private static final Pattern PLAIN = Pattern.compile("\\$[A-Za-z0-9_.\\[\\]*]*");

    public MappingProposal {
        emails = List.copyOf(emails);
        phones = List.copyOf(phones);
    }

    static MappingProposal of(List<PathShape> paths) {
        List<PathShape> emails = new ArrayList<>();
        List<PathShape> phones = new ArrayList<>();
        for (PathShape p : paths) {
            if (p.uncoveredEmails() > 0) {
                emails.add(p);
            }
            if (p.uncoveredPhones() > 0) {
                phones.add(p);
            }
        }
        return new MappingProposal(emails, phones);
    }

    public boolean isEmpty() {
        return emails.isEmpty() && phones.isEmpty();
    }

    /** The rules as a {@code mapping:} section holds them (kinds without rules left out): {@code {"emails": [{"path": ...}]}}. */
    public ObjectNode toJson() {
        ObjectNode section = JsonNodeFactory.instance.objectNode();
        addRules(section, "emails", emails);
        addRules(section, "phones", phones);
        return section;
    }

    /** The rules as a {@code mapping:} YAML snippet, each with what the sample found there as a comment. */
    public String toYaml() {
        StringBuilder yaml = new StringBuilder("mapping:\n");
        appendRules(yaml, "emails", emails, true);
        appendRules(yaml, "phones", phones, false);
        return yaml.toString();
    }

    private static void addRules(ObjectNode section, String kind, List<PathShape> paths) {
        if (!paths.isEmpty()) {
            ArrayNode rules = section.putArray(kind);
            paths.forEach(p -> rules.addObject().put("path", p.path()));
        }
    }

    private static void appendRules(StringBuilder yaml, String kind, List<PathShape> paths, boolean emails) {
        if (paths.isEmpty()) {
            return;
        }
        yaml.append("  ").append(kind).append(":\n");
        int width = paths.stream().mapToInt(p -> yamlScalar(p.path()).length()).max().orElse(0);
        for (PathShape p : paths) {
            String path = yamlScalar(p.path());
            int found = emails ? p.uncoveredEmails() : p.uncoveredPhones();
            yaml.append("    - path: ").append(path).append(" ".repeat(width - path.length()))
                    .append("   # ").append(String.format(Locale.ROOT, "%,d %s%s; the path in %,d %s", found,
                            emails ? "email" : "phone", found == 1 ? "" : "s", p.profiles(), p.profiles() == 1 ? "profile" : "profiles"))
                    .append('\n');
        }
    }

    private static String yamlScalar(String path) {
        return PLAIN.matcher(path).matches() ? path : JsonNodeFactory.instance.textNode(path).toString();
    }
}
