package com.contactsync.generate;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.SplittableRandom;

/** Valid JSON in places where nobody expects it: whole documents of odd shape, and junk list items. */
final class UnexpectedJson {

    private UnexpectedJson() {}

    /** A whole contacts document of an unsupported shape, built around one real entry. */
    static void document(JsonGenerator g, SplittableRandom random, String entry) throws IOException {
        switch (random.nextInt(7)) {
            case 0 -> g.writeNumber(random.nextInt(1000));
            case 1 -> g.writeBoolean(random.nextBoolean());
            case 2 -> {
                g.writeStartArray();
                g.writeString(entry);
                g.writeEndArray();
            }
            case 3 -> {
                g.writeStartObject();
                g.writeObjectFieldStart("emails");
                g.writeStringField("home", entry);
                g.writeEndObject();
                g.writeEndObject();
            }
            case 4 -> {
                g.writeStartObject();
                g.writeNumberField("emails", random.nextInt(100));
                g.writeEndObject();
            }
            case 5 -> {
                g.writeStartObject();
                g.writeObjectFieldStart("contact");
                g.writeStringField("email", entry);
                g.writeEndObject();
                g.writeEndObject();
            }
            default -> {
                g.writeStartObject();
                g.writeArrayFieldStart("emails");
                g.writeStartArray();
                g.writeString(entry);
                g.writeEndArray();
                g.writeEndArray();
                g.writeEndObject();
            }
        }
    }

    /** An item that slipped into a list of entries: null, a number, a nested list, a boolean or {}. */
    static void item(JsonGenerator g, SplittableRandom random, String entry) throws IOException {
        switch (random.nextInt(5)) {
            case 0 -> g.writeNull();
            case 1 -> g.writeNumber(random.nextInt(100));
            case 2 -> {
                g.writeStartArray();
                g.writeString(entry);
                g.writeEndArray();
            }
            case 3 -> g.writeBoolean(true);
            default -> {
                g.writeStartObject();
                g.writeEndObject();
            }
        }
    }
}
