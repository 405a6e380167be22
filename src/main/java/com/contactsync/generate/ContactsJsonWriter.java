package com.contactsync.generate;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.SplittableRandom;

/** Writes a profile's entries as contacts JSON in one of the legacy {@link ContactsLayout}s. */
final class ContactsJsonWriter {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String[] EMAIL_KEYS = {"email", "address", "value"};
    private static final String[] PHONE_KEYS = {"number", "phone", "value"};
    private static final String[] LABEL_KEYS = {"type", "label"};
    private static final String[] REGION_KEYS = {"country", "region"};
    private static final String[] EXTENSION_KEYS = {"ext", "extension"};
    private static final String[] SEPARATORS = {", ", ",", ";", "; ", " , "};
    private static final String[] EMPTY = {null, "null", "{}", "[]", "{\"emails\": [], \"phones\": []}", "{\"emails\": null, \"phones\": null}"};

    interface Body {
        void write(JsonGenerator json) throws IOException;
    }

    /** The contacts text, or null for an SQL NULL. */
    String write(SplittableRandom random, ContactsLayout layout, List<ContactEntry> emails, List<ContactEntry> phones) {
        switch (layout) {
            case STRING_ARRAYS: return json(g -> object(g, random, emails, phones, this::stringArray, "emails", "phones"));
            case OBJECT_ARRAYS: return json(g -> object(g, random, emails, phones, this::objectArray, "emails", "phones"));
            case MIXED_ARRAYS: return json(g -> object(g, random, emails, phones, this::mixedArray, "emails", "phones"));
            case SEPARATED_STRINGS: return json(g -> object(g, random, emails, phones, this::joined, "emails", "phones"));
            case SINGULAR_KEYS: return json(g -> object(g, random, emails, phones, this::singular, "email", "phone"));
            case DOUBLE_ENCODED: {
                ContactsLayout innerLayout = random.nextInt(10) == 0 ? ContactsLayout.DOUBLE_ENCODED
                        : random.nextBoolean() ? ContactsLayout.STRING_ARRAYS : ContactsLayout.OBJECT_ARRAYS;
                String inner = write(random, innerLayout, emails, phones);
                return json(g -> g.writeString(inner));
            }
            case EMPTY: return WeightedChoice.oneOf(random, EMPTY);
            case UNEXPECTED: return json(g -> UnexpectedJson.document(g, random, firstText(emails, phones)));
            default: throw new IllegalArgumentException("unknown layout " + layout);
        }
    }

    private interface ListWriter {
        void write(JsonGenerator json, SplittableRandom random, List<ContactEntry> entries, boolean phones) throws IOException;
    }

    private void object(JsonGenerator g, SplittableRandom random, List<ContactEntry> emails, List<ContactEntry> phones,
                        ListWriter list, String emailKey, String phoneKey) throws IOException {
        boolean capitalized = random.nextInt(20) == 0; // "Emails": some clients capitalized their keys
        g.writeStartObject();
        // An empty list is usually left out, sometimes written as [] or null.
        if (!emails.isEmpty() || random.nextInt(4) == 0) {
            g.writeFieldName(capitalized ? capitalized(emailKey) : emailKey);
            list.write(g, random, emails, false);
        }
        if (!phones.isEmpty() || random.nextInt(4) == 0) {
            g.writeFieldName(capitalized ? capitalized(phoneKey) : phoneKey);
            list.write(g, random, phones, true);
        }
        g.writeEndObject();
    }

    private void stringArray(JsonGenerator g, SplittableRandom random, List<ContactEntry> entries, boolean phones) throws IOException {
        if (entries.isEmpty() && random.nextBoolean()) {
            g.writeNull();
            return;
        }
        g.writeStartArray();
        for (ContactEntry entry : entries) {
            value(g, entry);
        }
        g.writeEndArray();
    }

    private void objectArray(JsonGenerator g, SplittableRandom random, List<ContactEntry> entries, boolean phones) throws IOException {
        // One client version wrote one spelling of the keys.
        String valueKey = WeightedChoice.oneOf(random, phones ? PHONE_KEYS : EMAIL_KEYS);
        String labelKey = WeightedChoice.oneOf(random, LABEL_KEYS);
        String regionKey = WeightedChoice.oneOf(random, REGION_KEYS);
        String extensionKey = WeightedChoice.oneOf(random, EXTENSION_KEYS);
        g.writeStartArray();
        for (ContactEntry entry : entries) {
            g.writeStartObject();
            g.writeFieldName(valueKey);
            if (entry.number() != null) {
                g.writeNumber(entry.number());
            } else {
                g.writeString(entry.text());
            }
            optional(g, labelKey, entry.label());
            optional(g, regionKey, entry.region());
            optional(g, extensionKey, entry.extension());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void mixedArray(JsonGenerator g, SplittableRandom random, List<ContactEntry> entries, boolean phones) throws IOException {
        g.writeStartArray();
        for (ContactEntry entry : entries) {
            if (random.nextInt(4) == 0) {
                UnexpectedJson.item(g, random, entry.asText());
            }
            if (random.nextBoolean()) {
                value(g, entry);
            } else {
                g.writeStartObject();
                g.writeFieldName(phones ? "phone" : "email");
                value(g, entry);
                optional(g, "type", entry.label());
                g.writeEndObject();
            }
        }
        g.writeEndArray();
    }

    private void joined(JsonGenerator g, SplittableRandom random, List<ContactEntry> entries, boolean phones) throws IOException {
        String separator = WeightedChoice.oneOf(random, SEPARATORS);
        StringBuilder text = new StringBuilder();
        for (ContactEntry entry : entries) {
            if (text.length() > 0) {
                text.append(separator);
            }
            text.append(entry.asText());
        }
        g.writeString(text.toString());
    }

    private void singular(JsonGenerator g, SplittableRandom random, List<ContactEntry> entries, boolean phones) throws IOException {
        if (entries.size() == 1) {
            value(g, entries.get(0));
        } else if (entries.isEmpty() || random.nextBoolean()) {
            joined(g, random, entries, phones);
        } else {
            stringArray(g, random, entries, phones);
        }
    }

    private static String firstText(List<ContactEntry> emails, List<ContactEntry> phones) {
        List<ContactEntry> some = emails.isEmpty() ? phones : emails;
        return some.isEmpty() ? "someone@example.com" : some.get(0).asText();
    }

    private static String capitalized(String key) {
        return Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }

    private static void value(JsonGenerator g, ContactEntry entry) throws IOException {
        if (entry.number() != null && entry.extension() == null) {
            g.writeNumber(entry.number());
        } else {
            g.writeString(entry.asText());
        }
    }

    private static void optional(JsonGenerator g, String key, String value) throws IOException {
        if (value != null) {
            g.writeStringField(key, value);
        }
    }

    static String json(Body body) {
        StringWriter out = new StringWriter(128);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            body.write(g);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write generated contacts", e);
        }
        return out.toString();
    }
}
