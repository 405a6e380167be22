package com.contactsync.normalize;

import com.contactsync.normalize.mapping.Mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of {@code normalize/mapping-cases.json}: a mapping, an input and the exact expected output.
 *
 * <p>Like {@link TableCase} ({@code "input"} or {@code "json"} + {@code "encode"}, {@code "country"}, rows in
 * record-component order), plus {@code "mapping"}: the {@code mapping:} section as YAML text or as a JSON
 * object (absent: the default mapping). Issues are {@code [field, position, code, raw, normalized, suggestion,
 * jsonPath]}: paths are always checked.
 */
record MappingCase(String name, String text, String profileCountry, NormalizerSettings settings,
                   List<EmailRow> emails, List<PhoneRow> phones, List<QualityIssue> issues) {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    @Override
    public String toString() {
        return name;
    }

    static List<MappingCase> load(String resource) {
        try (InputStream in = MappingCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<MappingCase> cases = new ArrayList<>();
            for (JsonNode node : TableCase.JSON.readTree(in)) {
                cases.add(of(node));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The mapping section a case gives: YAML text, a JSON object, or nothing (defaults). */
    static Mapping mapping(JsonNode mapping) throws IOException {
        if (mapping == null) {
            return Mapping.defaults();
        }
        return Mapping.fromJson(mapping.isTextual() ? YAML.readTree(mapping.textValue()) : mapping);
    }

    private static MappingCase of(JsonNode c) {
        String name = c.required("name").textValue();
        try {
            NormalizerSettings settings = new NormalizerSettings("US", c.has("max") ? c.get("max").intValue() : 1000,
                    mapping(c.get("mapping")));
            List<EmailRow> emails = new ArrayList<>();
            for (JsonNode e : c.path("emails")) {
                expectSize(e, 6);
                emails.add(new EmailRow(text(e.get(0)), text(e.get(1)), text(e.get(2)), text(e.get(3)),
                        e.get(4).booleanValue(), e.get(5).intValue()));
            }
            List<PhoneRow> phones = new ArrayList<>();
            for (JsonNode p : c.path("phones")) {
                expectSize(p, 7);
                phones.add(new PhoneRow(text(p.get(0)), text(p.get(1)), text(p.get(2)), text(p.get(3)),
                        text(p.get(4)), p.get(5).booleanValue(), p.get(6).intValue()));
            }
            List<QualityIssue> issues = new ArrayList<>();
            for (JsonNode i : c.path("issues")) {
                expectSize(i, 7);
                issues.add(new QualityIssue(text(i.get(0)), i.get(1).intValue(), QualityCode.valueOf(text(i.get(2))),
                        text(i.get(3)), text(i.get(4)), text(i.get(5)), text(i.get(6))));
            }
            return new MappingCase(name, input(c), text(c.get("country")), settings, emails, phones, issues);
        } catch (RuntimeException | IOException e) {
            throw new IllegalArgumentException("bad mapping case \"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static String input(JsonNode c) throws IOException {
        if (c.has("input")) {
            return text(c.get("input"));
        }
        String text = TableCase.JSON.writeValueAsString(c.required("json"));
        int encode = c.has("encode") ? c.get("encode").intValue() : 1;
        for (int i = 1; i < encode; i++) {
            text = TableCase.JSON.writeValueAsString(text);
        }
        return text;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull()) {
            return null;
        }
        if (!node.isTextual()) {
            throw new IllegalArgumentException("expected a string or null, got " + node);
        }
        return node.textValue();
    }

    private static void expectSize(JsonNode array, int size) {
        if (!array.isArray() || array.size() != size) {
            throw new IllegalArgumentException("expected an array of " + size + ", got " + array);
        }
    }
}
