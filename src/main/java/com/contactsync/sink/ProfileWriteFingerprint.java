package com.contactsync.sink;

import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.PhoneRow;
import com.contactsync.normalize.QualityIssue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The fingerprint of a {@link ProfileWrite}: a hash of its lists written as JSON. The JSON form is the
 * one writes had before they carried typed rows; hashing it keeps the fingerprints in existing
 * savepoints valid (a kept savepoint test checks it), and it is computed only for profiles that
 * keep state, i.e. those changed through the topic.
 *
 * <p>An issue's JSON path is left out on purpose. Hashing it would change the fingerprint of nearly every
 * profile with an issue after the upgrade that introduced paths: state written before it would no longer
 * match, and the kept savepoints would fail their check. The path is provenance; the price of leaving it
 * out is that a change which moves the very same contacts to another key without changing any row or any
 * other issue column (say {@code email} renamed {@code emails}) is skipped as unchanged and keeps the old
 * path until the profile's next real change.
 */
final class ProfileWriteFingerprint {

    private static final JsonFactory JSON = new JsonFactory();

    private ProfileWriteFingerprint() {}

    static long of(ProfileWrite write) {
        long h = 1125899906842597L;
        h = mix(h, emails(write.emails));
        h = mix(h, phones(write.phones));
        h = mix(h, issues(write.issues));
        return h;
    }

    private static long mix(long h, String s) {
        for (int i = 0; i < s.length(); i++) {
            h = 31 * h + s.charAt(i);
        }
        return h * 0x9E3779B97F4A7C15L + s.length();
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
            throw new UncheckedIOException("could not fingerprint a profile write", e);
        }
        return out.toString();
    }
}
