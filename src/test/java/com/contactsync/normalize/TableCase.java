package com.contactsync.normalize;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One case of the table in {@code normalize/cases.json}: input, settings and the exact expected output.
 *
 * <p>A case gives its contacts text either as {@code "input"} (the text itself, may be null) or as
 * {@code "json"} (a value written as compact JSON, then {@code "encode"} times in all as a JSON string).
 * Optional: {@code "country"} (profile country), {@code "region"} and {@code "max"} (settings). Expected rows
 * and issues are arrays in record-component order: emails {@code [email, raw, domain, type, valid, position]},
 * phones {@code [phone, extension, raw, country, type, valid, position]}, issues
 * {@code [field, position, code, raw, normalized, suggestion]}; a missing list means none.
 */
record TableCase(String name, String text, String profileCountry, NormalizerSettings settings,
                 List<EmailRow> emails, List<PhoneRow> phones, List<QualityIssue> issues) {

    static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String toString() {
        return name;
    }

    static List<TableCase> load(String resource) {
        try (InputStream in = TableCase.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + resource);
            }
            List<TableCase> cases = new ArrayList<>();
            for (JsonNode node : JSON.readTree(in)) {
                cases.add(of(node));
            }
            return cases;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static TableCase of(JsonNode c) {
        String name = c.required("name").textValue();
        try {
            NormalizerSettings settings = new NormalizerSettings(c.has("region") ? c.get("region").textValue() : "US",
                    c.has("max") ? c.get("max").intValue() : 1000);
            List<EmailRow> emails = new ArrayList<>();
            for (JsonNode e : c.path("emails")) {
                expectSize(e, 6);
                emails.add(new EmailRow(text(e.get(0)), text(e.get(1)), text(e.get(2)), text(e.get(3)),
                        bool(e.get(4)), e.get(5).intValue()));
            }
            List<PhoneRow> phones = new ArrayList<>();
            for (JsonNode p : c.path("phones")) {
                expectSize(p, 7);
                phones.add(new PhoneRow(text(p.get(0)), text(p.get(1)), text(p.get(2)), text(p.get(3)),
                        text(p.get(4)), bool(p.get(5)), p.get(6).intValue()));
            }
            List<QualityIssue> issues = new ArrayList<>();
            for (JsonNode i : c.path("issues")) {
                expectSize(i, 6);
                issues.add(new QualityIssue(text(i.get(0)), i.get(1).intValue(), QualityCode.valueOf(text(i.get(2))),
                        text(i.get(3)), text(i.get(4)), text(i.get(5))));
            }
            return new TableCase(name, input(c), text(c.get("country")), settings, emails, phones, issues);
        } catch (RuntimeException | IOException e) {
            throw new IllegalArgumentException("bad table case \"" + name + "\": " + e.getMessage(), e);
        }
    }

    private static String input(JsonNode c) throws IOException {
        if (c.has("input")) {
            return text(c.get("input"));
        }
        if (!c.has("json")) {
            throw new IllegalArgumentException("needs \"input\" or \"json\"");
        }
        String text = JSON.writeValueAsString(c.get("json"));
        int encode = c.has("encode") ? c.get("encode").intValue() : 1;
        for (int i = 1; i < encode; i++) {
            text = JSON.writeValueAsString(text);
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

    private static boolean bool(JsonNode node) {
        if (!node.isBoolean()) {
            throw new IllegalArgumentException("expected a boolean, got " + node);
        }
        return node.booleanValue();
    }

    private static void expectSize(JsonNode array, int size) {
        if (!array.isArray() || array.size() != size) {
            throw new IllegalArgumentException("expected an array of " + size + ", got " + array);
        }
    }
}
