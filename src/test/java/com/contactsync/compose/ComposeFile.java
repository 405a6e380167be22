package com.contactsync.compose;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** docker-compose.yml parsed with Jackson YAML, with the look-ups the configuration checks need. */
final class ComposeFile {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** A volume of a service: a bind mount of a host path (./…) or a named volume. */
    record Mount(String source, String target, boolean bind) {}

    private final JsonNode root;

    private ComposeFile(JsonNode root) {
        this.root = root;
    }

    static ComposeFile read(Path file) throws IOException {
        return new ComposeFile(YAML.readTree(file.toFile()));
    }

    static JsonNode readYaml(Path file) throws IOException {
        return YAML.readTree(file.toFile());
    }

    Map<String, JsonNode> services() {
        Map<String, JsonNode> services = new LinkedHashMap<>();
        root.path("services").fields().forEachRemaining(e -> services.put(e.getKey(), e.getValue()));
        return services;
    }

    JsonNode service(String name) {
        JsonNode service = root.path("services").get(name);
        if (service == null) {
            throw new AssertionError("docker-compose.yml has no service " + name);
        }
        return service;
    }

    Set<String> namedVolumes() {
        Set<String> names = new LinkedHashSet<>();
        root.path("volumes").fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Short ("src:target[:mode]") and long ({type, source, target}) volume syntax alike. */
    List<Mount> mounts(String service) {
        List<Mount> mounts = new ArrayList<>();
        for (JsonNode volume : service(service).path("volumes")) {
            if (volume.isTextual()) {
                String[] parts = volume.asText().split(":");
                String source = parts[0];
                mounts.add(new Mount(source, parts.length > 1 ? parts[1] : source, isHostPath(source)));
            } else {
                String source = volume.path("source").asText();
                mounts.add(new Mount(source, volume.path("target").asText(), "bind".equals(volume.path("type").asText())));
            }
        }
        return mounts;
    }

    /** The container path where a host path of the repository is mounted in this service. */
    String mountTarget(String service, String hostPath) {
        return mounts(service).stream().filter(m -> m.source().equals(hostPath)).map(Mount::target).findFirst()
                .orElseThrow(() -> new AssertionError(service + " does not mount " + hostPath));
    }

    /** Map ("KEY: value") and list ("KEY=value") syntax alike. */
    Map<String, String> environment(String service) {
        Map<String, String> env = new LinkedHashMap<>();
        JsonNode environment = service(service).path("environment");
        if (environment.isArray()) {
            for (JsonNode entry : environment) {
                String[] kv = entry.asText().split("=", 2);
                env.put(kv[0], kv.length > 1 ? kv[1] : "");
            }
        } else {
            environment.fields().forEachRemaining(e -> env.put(e.getKey(), e.getValue().asText()));
        }
        return env;
    }

    List<String> ports(String service) {
        List<String> ports = new ArrayList<>();
        for (JsonNode port : service(service).path("ports")) {
            ports.add(port.isTextual() ? port.asText() : port.path("host_ip").asText() + ":" + port.path("published").asText());
        }
        return ports;
    }

    /** The command split into words; a {@code bash -c "script"} command yields the script's words. */
    List<String> commandWords(String service) {
        List<String> words = new ArrayList<>();
        JsonNode command = service(service).path("command");
        if (command.isTextual()) {
            words.addAll(List.of(command.asText().trim().split("\\s+")));
        } else {
            for (JsonNode word : command) {
                words.add(word.asText());
            }
        }
        int dashC = words.indexOf("-c");
        if (dashC > 0 && words.get(0).endsWith("sh") && dashC + 1 < words.size()) {
            return List.of(words.get(dashC + 1).trim().split("\\s+"));
        }
        return words;
    }

    private static boolean isHostPath(String source) {
        return source.startsWith("./") || source.startsWith("../") || source.startsWith("/") || source.startsWith("~");
    }
}
