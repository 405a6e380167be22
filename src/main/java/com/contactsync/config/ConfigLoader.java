package com.contactsync.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/** Reads the YAML job configuration, applies command-line overrides and rejects unknown keys. */
public final class ConfigLoader {

    private ConfigLoader() {}

    public static JobConfig load(Path yaml, Map<String, String> overrides) {
        Map<String, String> flat = new LinkedHashMap<>();
        if (yaml != null) {
            try {
                JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readString(yaml));
                if (root != null && root.isObject() && root.has(ContactSyncOptions.MAPPING.key())) {
                    // The mapping is a structured section, not flat keys: it travels whole, as JSON.
                    flat.put(ContactSyncOptions.MAPPING.key(), new ObjectMapper().writeValueAsString(
                            ((com.fasterxml.jackson.databind.node.ObjectNode) root).remove(ContactSyncOptions.MAPPING.key())));
                }
                flatten("", root, flat);
            } catch (IOException e) {
                throw new IllegalArgumentException("could not read the configuration " + yaml + ": " + e.getMessage(), e);
            }
        }
        flat.putAll(overrides);
        return fromMap(flat);
    }

    public static JobConfig fromMap(Map<String, String> flat) {
        Set<String> known = new TreeSet<>();
        for (ConfigOption<?> option : ContactSyncOptions.all()) {
            known.add(option.key());
        }
        for (String key : flat.keySet()) {
            if (!known.contains(key)) {
                throw new IllegalArgumentException("unknown configuration key '" + key + "'; known keys: " + known);
            }
        }
        Configuration configuration = new Configuration();
        flat.forEach((key, value) -> {
            if (value != null) {
                configuration.setString(key, value);
            }
        });
        return JobConfig.from(configuration);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                flatten(prefix.isEmpty() ? field.getKey() : prefix + "." + field.getKey(), field.getValue(), out);
            }
        } else {
            out.put(prefix, node.asText());
        }
    }
}
