package com.contactsync.cli;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The variables of a {@code ./contactsync stack} env file as defaults of {@code run}: above the
 * configuration file, below {@code --set}, {@code --jdbc-url} and {@code --user}.
 */
final class StackDefaults {

    private StackDefaults() {}

    /** {@code settings} (the --set flags) over the defaults that {@code environment} holds. */
    static Map<String, String> under(Map<String, String> settings, Map<String, String> environment) {
        Map<String, String> merged = new LinkedHashMap<>();
        String url = environment.get(StackEnvFile.JDBC_URL);
        if (url != null && !url.isBlank()) {
            merged.put("source.jdbc-url", url);
            // PGUSER is libpq's own variable: only taken when it comes with the stack's URL.
            putIfSet(merged, "source.user", environment.get("PGUSER"));
        }
        putIfSet(merged, "kafka.bootstrap-servers", environment.get(StackEnvFile.KAFKA));
        putIfSet(merged, "kafka.topic", environment.get(StackEnvFile.TOPIC));
        merged.putAll(settings);
        return merged;
    }

    private static void putIfSet(Map<String, String> map, String key, String value) {
        if (value != null && !value.isBlank()) {
            map.put(key, value);
        }
    }
}
