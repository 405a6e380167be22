package com.contactsync.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/** The summary of a run: printed for people, written as JSON for tools. */
final class RunReport {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    /** Seconds as reports show them: to a tenth. */
    static double tenths(double seconds) {
        return Math.round(seconds * 10) / 10.0;
    }

    RunReport put(String key, Object value) {
        fields.put(key, value);
        return this;
    }

    RunReport putStats(TargetTableStats stats) {
        return put("email_rows", stats.emailRows())
                .put("phone_rows", stats.phoneRows())
                .put("issue_rows", stats.issueRows())
                .put("issues_by_code", stats.issuesByCode());
    }

    void print(PrintStream out) {
        out.println("---- summary ----");
        fields.forEach((key, value) -> out.printf("%-22s %s%n", key, value));
    }

    void writeJson(Path path) throws IOException {
        if (path.getParent() != null) {
            Files.createDirectories(path.getParent());
        }
        new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(path.toFile(), fields);
    }
}
