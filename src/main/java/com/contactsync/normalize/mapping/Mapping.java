package com.contactsync.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * Where a profile's contacts JSON keeps its emails and phones: ordered JSONPath rules per kind, the
 * entry-object fields to read, and paths never to check for unmapped contacts (the {@code mapping:}
 * section of the configuration).
 *
 * <p>Immutable and Serializable: it travels in the job graph as its parts; the compiled form (JSONPath
 * objects, lookup tables) is rebuilt per task. Every path is compiled when a mapping is made, so a
 * mapping that cannot work fails at start-up, never at the first profile. {@link #defaults()} reads
 * exactly what the job read before mappings existed.
 */
public final class Mapping implements java.io.Serializable {

    private static final long serialVersionUID = 1L;
    private static final ObjectMapper JSON = new ObjectMapper();

    static final Map<EntryField, List<String>> DEFAULT_ENTRY_FIELDS = Map.of(
            EntryField.EMAIL, List.of("email", "address", "value"),
            EntryField.PHONE, List.of("number", "phone", "value"),
            EntryField.TYPE, List.of("type", "label"),
            EntryField.REGION, List.of("country", "region"),
            EntryField.EXTENSION, List.of("ext", "extension"));
    static final List<MappingRule> DEFAULT_EMAILS = List.of(MappingRule.of("$.emails"), MappingRule.of("$.email"));
    static final List<MappingRule> DEFAULT_PHONES = List.of(MappingRule.of("$.phones"), MappingRule.of("$.phone"));

    private static final Mapping DEFAULTS = new Mapping(false, DEFAULT_ENTRY_FIELDS, DEFAULT_EMAILS, DEFAULT_PHONES, List.of());

    private final boolean caseSensitive;
    private final Map<EntryField, List<String>> entryFields;
    private final List<MappingRule> emails;
    private final List<MappingRule> phones;
    private final List<String> ignore;
    private final String canonicalJson;
    private transient volatile CompiledMapping compiled;

    Mapping(boolean caseSensitive, Map<EntryField, List<String>> entryFields, List<MappingRule> emails,
            List<MappingRule> phones, List<String> ignore) {
        this.caseSensitive = caseSensitive;
        this.entryFields = Map.copyOf(entryFields);
        this.emails = List.copyOf(emails);
        this.phones = List.copyOf(phones);
        this.ignore = List.copyOf(ignore);
        this.canonicalJson = canonical().toString();
        this.compiled = new CompiledMapping(this); // validates every path now
    }

    /** emails from {@code $.emails} and {@code $.email}, phones from {@code $.phones} and {@code $.phone}: the classic shape. */
    public static Mapping defaults() {
        return DEFAULTS;
    }

    /**
     * The mapping a configuration's {@code mapping:} section describes (as Jackson parsed the YAML); null or
     * a missing node gives {@link #defaults()}, and so does any key left out.
     *
     * @throws MappingException naming the key or rule at fault: unknown keys, empty lists, an unknown entry
     *                          field, a JSONPath that does not compile
     */
    public static Mapping fromJson(JsonNode mappingSection) {
        return MappingReader.read(mappingSection);
    }

    public boolean caseSensitive() {
        return caseSensitive;
    }

    /** The entry fields, complete (every {@link EntryField}), in order of preference. */
    public Map<EntryField, List<String>> entryFields() {
        return entryFields;
    }

    public List<MappingRule> rules(RuleKind kind) {
        return switch (kind) {
            case EMAILS -> emails;
            case PHONES -> phones;
            case IGNORE -> ignore.stream().map(MappingRule::of).toList();
        };
    }

    public List<String> ignore() {
        return ignore;
    }

    /** The mapping as canonical JSON: every key present, fixed order; equal mappings give equal text. */
    public String canonicalJson() {
        return canonicalJson;
    }

    /** A stable hash of {@link #canonicalJson()} (16 hex digits of its SHA-256), for the run record. */
    public String fingerprint() {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonicalJson.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    /** The compiled rules, built once per JVM copy of the mapping (it is transient: tasks rebuild it). */
    public CompiledMapping compiled() {
        CompiledMapping c = compiled;
        if (c == null) {
            c = new CompiledMapping(this);
            compiled = c;
        }
        return c;
    }

    /** Whether this is the default mapping (written out or not). */
    public boolean isDefault() {
        return !caseSensitive && entryFields.equals(DEFAULT_ENTRY_FIELDS) && emails.equals(DEFAULT_EMAILS)
                && phones.equals(DEFAULT_PHONES) && ignore.isEmpty();
    }

    private ObjectNode canonical() {
        ObjectNode root = JSON.createObjectNode();
        root.put("case-sensitive", caseSensitive);
        root.set("entry-fields", fieldsJson(entryFields));
        for (RuleKind kind : List.of(RuleKind.EMAILS, RuleKind.PHONES)) {
            ArrayNode rules = root.putArray(kind.key());
            for (MappingRule rule : kind == RuleKind.EMAILS ? emails : phones) {
                ObjectNode r = rules.addObject().put("path", rule.path());
                if (rule.type() != null) {
                    r.put("type", rule.type());
                }
                if (!rule.fields().isEmpty()) {
                    r.set("fields", fieldsJson(rule.fields()));
                }
            }
        }
        ArrayNode ignored = root.putArray(RuleKind.IGNORE.key());
        ignore.forEach(ignored::add);
        return root;
    }

    private static ObjectNode fieldsJson(Map<EntryField, List<String>> fields) {
        ObjectNode node = JSON.createObjectNode();
        for (Map.Entry<EntryField, List<String>> f : new EnumMap<>(fields).entrySet()) {
            ArrayNode names = node.putArray(f.getKey().key());
            f.getValue().forEach(names::add);
        }
        return node;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Mapping m && canonicalJson.equals(m.canonicalJson);
    }

    @Override
    public int hashCode() {
        return canonicalJson.hashCode();
    }

    @Override
    public String toString() {
        return "Mapping" + canonicalJson;
    }
}
