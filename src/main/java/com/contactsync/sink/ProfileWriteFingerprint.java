package com.contactsync.sink;

import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.PhoneRow;
import com.contactsync.normalize.QualityIssue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/** Turns a profile's normalized contacts into the JSON lists of a {@link ProfileWrite}. */
public final class ProfileWriteEncoder {

    private static final JsonFactory JSON = new JsonFactory();

    private ProfileWriteEncoder() {}

    public static ProfileWrite encode(long profileId, NormalizedContacts contacts) {
        return new ProfileWrite(
                profileId, emails(contacts.emails()), phones(contacts.phones()), issues(contacts.issues()));
    }

    private static String emails(List<EmailRow> rows) {
        if (rows.isEmpty()) {
            return "[]";
        }
        return write(g -> {
            for (EmailRow r : rows) {
                g.writeStartObject();
                g.writeStringField("email", r.email());
                g.writeStringField("email_raw", r.emailRaw());
                g.writeStringField("domain", r.domain());
                g.writeStringField("type", r.type());
                g.writeBooleanField("is_valid", r.valid());
                g.writeNumberField("position", r.position());
                g.writeEndObject();
            }
        });
    }

    private static String phones(List<PhoneRow> rows) {
        if (rows.isEmpty()) {
            return "[]";
        }
        return write(g -> {
            for (PhoneRow r : rows) {
                g.writeStartObject();
                g.writeStringField("phone", r.phone());
                g.writeStringField("extension", r.extension() == null ? "" : r.extension());
                g.writeStringField("phone_raw", r.phoneRaw());
                g.writeStringField("country", r.country());
                g.writeStringField("type", r.type());
                g.writeBooleanField("is_valid", r.valid());
                g.writeNumberField("position", r.position());
                g.writeEndObject();
            }
        });
    }

    private static String issues(List<QualityIssue> issues) {
        if (issues.isEmpty()) {
            return "[]";
        }
        return write(g -> {
            int issueNo = 0;
            for (QualityIssue i : issues) {
                g.writeStartObject();
                g.writeNumberField("issue_no", issueNo++);
                g.writeStringField("field", i.field());
                g.writeNumberField("position", i.position());
                g.writeStringField("code", i.code().name());
                g.writeStringField("raw_value", i.rawValue());
                g.writeStringField("normalized_value", i.normalizedValue());
                g.writeStringField("suggestion", i.suggestion());
                g.writeEndObject();
            }
        });
    }

    private interface Body {
        void write(JsonGenerator generator) throws IOException;
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartArray();
            body.write(g);
            g.writeEndArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not encode a profile write", e);
        }
        return out.toString();
    }
}
