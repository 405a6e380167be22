package com.contactsync.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.mapping.Mapping;

import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.description.BlockElement;
import org.apache.flink.configuration.description.TextElement;
import org.apache.flink.util.TimeUtils;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * {@code conf/contactsync.yaml} is the configuration's reference: every option of
 * {@link ContactSyncOptions}, with its default as the value and its description as the comment
 * right above it. When an option changes, this test says what to write there
 * ({@code mvn test -Dtest=ConfigFileTest} prints the expected lines).
 */
class ConfigFileTest {

    private static final Path FILE = Path.of("conf", "contactsync.yaml");
    /** Sections that are structured, not flat options. */
    private static final List<String> STRUCTURED_SECTIONS = List.of("mapping");

    @Test
    void listsEveryOptionAndNothingElse() throws IOException {
        Map<String, Documented> documented = documentedOptions();
        TreeSet<String> declared = new TreeSet<>();
        flatOptions().forEach(option -> declared.add(option.key()));
        assertThat(new TreeSet<>(documented.keySet())).as("options in " + FILE + "\n" + expectedFile())
                .isEqualTo(declared);
        assertThat(Files.readAllLines(FILE)).as("the structured sections").containsAll(
                STRUCTURED_SECTIONS.stream().map(section -> section + ":").toList());
    }

    @Test
    void showsEveryOptionsDefaultAndDescription() throws IOException {
        Map<String, Documented> documented = documentedOptions();
        for (ConfigOption<?> option : flatOptions()) {
            Documented entry = documented.get(option.key());
            assertThat(entry).as(option.key() + " in " + FILE).isNotNull();
            assertThat(entry.value()).as("value of " + option.key() + " (its default)\n" + expectedFile())
                    .isEqualTo(render(option));
            assertThat(entry.comment()).as("comment above " + option.key() + " (its description)\n" + expectedFile())
                    .isEqualTo(description(option));
        }
    }

    @Test
    void theFileLoadsOnceTheRequiredConnectionIsGiven() {
        JobConfig config = ConfigLoader.load(FILE, Map.of("source.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/app"));
        Configuration defaults = new Configuration();
        for (ConfigOption<?> option : flatOptions()) {
            if (option.hasDefaultValue()) {
                assertThat((Object) config.get(option)).as(option.key()).isEqualTo(defaults.get(option));
            }
        }
    }

    @Test
    void theFilesMappingIsTheDefaultOneWrittenOut() {
        JobConfig config = ConfigLoader.load(FILE, Map.of("source.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/app"));
        assertThat(NormalizerSettings.from(config).mapping()).isEqualTo(Mapping.defaults());
    }

    @Test
    void anInvalidMappingStopsTheStartNamingTheRule() throws IOException {
        Path file = Files.createTempFile("contactsync", ".yaml");
        Files.writeString(file, "mapping:\n  emails:\n    - path: $.emails\n    - path: \"$[?(@.kind ==\"\n");
        JobConfig config = ConfigLoader.load(file, Map.of("source.jdbc-url", "jdbc:postgresql://127.0.0.1:5432/app"));
        assertThatThrownBy(() -> NormalizerSettings.from(config)).hasMessageContaining("mapping.emails[1].path");
    }

    record Documented(String value, String comment) {}

    /** The options shown as `section: key: value`; structured ones (the mapping) have tests of their own. */
    private static List<ConfigOption<?>> flatOptions() {
        return ContactSyncOptions.all().stream().filter(option -> !STRUCTURED_SECTIONS.contains(option.key())).toList();
    }

    /** Key (section.key) to its value and the comment lines right above it, joined. */
    private static Map<String, Documented> documentedOptions() throws IOException {
        Map<String, Documented> out = new LinkedHashMap<>();
        String section = null;
        List<String> comment = new ArrayList<>();
        for (String line : Files.readAllLines(FILE)) {
            String trimmed = line.trim();
            if (trimmed.startsWith("#")) {
                comment.add(trimmed.substring(1).trim());
                continue;
            }
            if (trimmed.isEmpty()) {
                comment.clear();
                continue;
            }
            boolean indented = Character.isWhitespace(line.charAt(0));
            int colon = trimmed.indexOf(':');
            if (!indented) {
                section = trimmed.substring(0, colon);
            } else if (section != null && !STRUCTURED_SECTIONS.contains(section) && line.startsWith("  ") && !line.startsWith("   ")) {
                String value = trimmed.substring(colon + 1).trim();
                out.put(section + "." + trimmed.substring(0, colon), new Documented(value, String.join(" ", comment)));
            }
            comment.clear();
        }
        return out;
    }

    /** The option's description as plain text (ours are single text blocks). */
    static String description(ConfigOption<?> option) {
        StringBuilder text = new StringBuilder();
        for (BlockElement block : option.description().getBlocks()) {
            text.append(((TextElement) block).getFormat());
        }
        return text.toString().trim();
    }

    /** The option's default as the file shows it. */
    static String render(ConfigOption<?> option) {
        Object value = option.hasDefaultValue() ? option.defaultValue() : "";
        if (value instanceof Duration duration) {
            return TimeUtils.formatWithHighestUnit(duration).replace(" ", "");
        }
        if (value instanceof Double number && number == Math.rint(number)) {
            return String.valueOf(number.longValue());
        }
        String text = String.valueOf(value);
        return text.isEmpty() ? "\"\"" : text;
    }

    /** The options part of the file as it should read, printed with a failure. */
    static String expectedFile() {
        Map<String, List<ConfigOption<?>>> bySection = new TreeMap<>();
        for (ConfigOption<?> option : flatOptions()) {
            bySection.computeIfAbsent(option.key().substring(0, option.key().indexOf('.')), k -> new ArrayList<>()).add(option);
        }
        StringBuilder out = new StringBuilder("expected, per section (order within a section is free):\n");
        bySection.forEach((section, options) -> {
            out.append(section).append(":\n");
            for (ConfigOption<?> option : options) {
                for (String line : wrap(description(option), 96)) {
                    out.append("  # ").append(line).append('\n');
                }
                out.append("  ").append(option.key().substring(section.length() + 1)).append(": ").append(render(option)).append('\n');
            }
            out.append('\n');
        });
        return out.toString();
    }

    private static List<String> wrap(String text, int width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                lines.add(line.toString());
                line.setLength(0);
            }
            line.append(line.length() > 0 ? " " : "").append(word);
        }
        lines.add(line.toString());
        return lines;
    }

    public static void main(String[] args) {
        System.out.print(expectedFile());
    }
}
