package com.contactsync.generate;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Writes a profile's entries in the shapes other systems export ({@link ContactsLayout#GOOGLE_PEOPLE} ...
 * {@link ContactsLayout#TYPED_LIST}), with the ids, dates and free text around them that real exports have.
 * Opt-in ({@link GeneratorSettings#withApiShapes}); the mappings that read them are in README and in
 * {@code normalize/mapping-cases.json}.
 */
final class ApiShapes {

    static final Set<ContactsLayout> LAYOUTS = EnumSet.of(ContactsLayout.GOOGLE_PEOPLE, ContactsLayout.MS_GRAPH,
            ContactsLayout.HUBSPOT, ContactsLayout.NESTED, ContactsLayout.FLAT_KEYS, ContactsLayout.TYPED_LIST);
    private static final String[] EMAIL_TYPES = {"home", "work", "other"};
    private static final String[] PHONE_TYPES = {"mobile", "home", "work"};

    String write(SplittableRandom random, ContactsLayout layout, String name, List<ContactEntry> emails,
                 List<ContactEntry> phones) {
        return ContactsJsonWriter.json(g -> {
            switch (layout) {
                case GOOGLE_PEOPLE -> google(g, random, name, emails, phones);
                case MS_GRAPH -> graph(g, random, name, emails, phones);
                case HUBSPOT -> hubspot(g, random, name, emails, phones);
                case NESTED -> nested(g, random, emails, phones);
                case FLAT_KEYS -> flat(g, emails, phones);
                case TYPED_LIST -> typedList(g, random, emails, phones);
                default -> throw new IllegalArgumentException("not an API shape: " + layout);
            }
        });
    }

    private static void google(JsonGenerator g, SplittableRandom random, String name, List<ContactEntry> emails,
                               List<ContactEntry> phones) throws IOException {
        g.writeStartObject();
        g.writeStringField("resourceName", "people/c" + digits(random, 19));
        g.writeStringField("etag", "%EgUBAgMFByIM" + Long.toHexString(random.nextLong()));
        g.writeArrayFieldStart("names");
        g.writeStartObject();
        g.writeStringField("displayName", name);
        g.writeEndObject();
        g.writeEndArray();
        g.writeArrayFieldStart("emailAddresses");
        for (int i = 0; i < emails.size(); i++) {
            g.writeStartObject();
            if (i == 0) {
                g.writeObjectFieldStart("metadata");
                g.writeBooleanField("primary", true);
                g.writeEndObject();
            }
            g.writeStringField("value", emails.get(i).asText());
            g.writeStringField("type", WeightedChoice.oneOf(random, EMAIL_TYPES));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeArrayFieldStart("phoneNumbers");
        for (ContactEntry phone : phones) {
            g.writeStartObject();
            g.writeStringField("value", phone.asText());
            g.writeStringField("type", WeightedChoice.oneOf(random, PHONE_TYPES));
            g.writeEndObject();
        }
        g.writeEndArray();
        if (random.nextInt(4) == 0) {
            g.writeArrayFieldStart("biographies");
            g.writeStartObject();
            g.writeStringField("value", biography(random, emails, phones));
            g.writeEndObject();
            g.writeEndArray();
        }
        g.writeStringField("birthday", (1950 + random.nextInt(55)) + "-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10));
        g.writeEndObject();
    }

    private static void graph(JsonGenerator g, SplittableRandom random, String name, List<ContactEntry> emails,
                              List<ContactEntry> phones) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", "AAMkAGI2" + Long.toHexString(random.nextLong()) + "AAA=");
        g.writeStringField("displayName", name);
        g.writeStringField("createdDateTime", "2024-0" + (1 + random.nextInt(9)) + "-1" + random.nextInt(10) + "T10:30:00Z");
        g.writeArrayFieldStart("emailAddresses");
        for (ContactEntry email : emails) {
            g.writeStartObject();
            g.writeStringField("name", name);
            g.writeStringField("address", email.asText());
            g.writeEndObject();
        }
        g.writeEndArray();
        int mobile = phones.isEmpty() ? -1 : random.nextInt(phones.size());
        g.writeArrayFieldStart("businessPhones");
        for (int i = 0; i < phones.size(); i++) {
            if (i != mobile) {
                g.writeString(phones.get(i).asText());
            }
        }
        g.writeEndArray();
        if (mobile >= 0) {
            g.writeStringField("mobilePhone", phones.get(mobile).asText());
        }
        g.writeArrayFieldStart("homePhones");
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void hubspot(JsonGenerator g, SplittableRandom random, String name, List<ContactEntry> emails,
                                List<ContactEntry> phones) throws IOException {
        g.writeStartObject();
        String id = digits(random, 1 + random.nextInt(10));
        g.writeStringField("id", id);
        g.writeObjectFieldStart("properties");
        g.writeStringField("createdate", "2024-0" + (1 + random.nextInt(9)) + "-15T10:30:00.000Z");
        if (!emails.isEmpty()) {
            g.writeStringField("email", emails.get(0).asText());
        }
        if (emails.size() > 1) {
            StringBuilder more = new StringBuilder();
            for (int i = 1; i < emails.size(); i++) {
                more.append(i > 1 ? ";" : "").append(emails.get(i).asText());
            }
            g.writeStringField("hs_additional_emails", more.toString());
        }
        g.writeStringField("firstname", name);
        g.writeStringField("hs_object_id", id);
        if (!phones.isEmpty()) {
            g.writeStringField("phone", phones.get(0).asText());
        }
        if (phones.size() > 1) {
            g.writeStringField("mobilephone", phones.get(1).asText());
        }
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void nested(JsonGenerator g, SplittableRandom random, List<ContactEntry> emails,
                               List<ContactEntry> phones) throws IOException {
        g.writeStartObject();
        g.writeObjectFieldStart("contact");
        g.writeObjectFieldStart("primary");
        if (!emails.isEmpty()) {
            g.writeStringField("email", emails.get(0).asText());
        }
        if (!phones.isEmpty()) {
            g.writeStringField("phone", phones.get(0).asText());
        }
        g.writeEndObject();
        g.writeArrayFieldStart("others");
        for (int i = 1; i < Math.max(emails.size(), phones.size()); i++) {
            g.writeStartObject();
            if (i < emails.size()) {
                g.writeStringField("email", emails.get(i).asText());
            }
            if (i < phones.size()) {
                g.writeStringField("phone", phones.get(i).asText());
            }
            g.writeStringField("kind", WeightedChoice.oneOf(random, EMAIL_TYPES));
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void flat(JsonGenerator g, List<ContactEntry> emails, List<ContactEntry> phones) throws IOException {
        String[] emailKeys = {"email", "work_email", "other_email"};
        String[] phoneKeys = {"mobile", "home_phone", "work_phone"};
        g.writeStartObject();
        for (int i = 0; i < Math.min(emails.size(), emailKeys.length); i++) {
            g.writeStringField(emailKeys[i], emails.get(i).asText());
        }
        for (int i = 0; i < Math.min(phones.size(), phoneKeys.length); i++) {
            g.writeStringField(phoneKeys[i], phones.get(i).asText());
        }
        g.writeEndObject();
    }

    private static void typedList(JsonGenerator g, SplittableRandom random, List<ContactEntry> emails,
                                  List<ContactEntry> phones) throws IOException {
        g.writeStartArray();
        for (ContactEntry email : emails) {
            g.writeStartObject();
            g.writeStringField("kind", "email");
            g.writeStringField("value", email.asText());
            g.writeEndObject();
        }
        for (ContactEntry phone : phones) {
            g.writeStartObject();
            g.writeStringField("kind", random.nextInt(10) == 0 ? "fax" : "phone");
            g.writeStringField("value", phone.asText());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static String biography(SplittableRandom random, List<ContactEntry> emails, List<ContactEntry> phones) {
        StringBuilder text = new StringBuilder("Met at the 2019 conference");
        if (!phones.isEmpty() && random.nextBoolean()) {
            text.append("; call me on ").append(phones.get(0).asText()).append(" after 6pm");
        } else if (!emails.isEmpty()) {
            text.append(", private mail ").append(emails.get(emails.size() - 1).asText());
        }
        return text.append('.').toString();
    }

    private static String digits(SplittableRandom random, int n) {
        StringBuilder sb = new StringBuilder(n).append((char) ('1' + random.nextInt(9)));
        while (sb.length() < n) {
            sb.append((char) ('0' + random.nextInt(10)));
        }
        return sb.toString();
    }
}
