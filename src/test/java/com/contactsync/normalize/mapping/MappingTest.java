package com.contactsync.normalize.mapping;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.stream.Stream;

class MappingTest {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** The default mapping as README and conf/contactsync.yaml write it. */
    static final String DEFAULT_YAML = """
            case-sensitive: false
            entry-fields:
              email: [email, address, value]
              phone: [number, phone, value]
              type: [type, label]
              region: [country, region]
              extension: [ext, extension]
            emails:
              - path: $.emails
              - path: $.email
            phones:
              - path: $.phones
              - path: $.phone
            ignore: []
            """;

    static Mapping yaml(String yaml) throws Exception {
        return Mapping.fromJson(YAML.readTree(yaml));
    }

    @Test
    void theDefaultMappingWrittenOutIsTheDefaultMapping() throws Exception {
        Mapping written = yaml(DEFAULT_YAML);

        assertThat(written).isEqualTo(Mapping.defaults());
        assertThat(written.isDefault()).isTrue();
        assertThat(written.fingerprint()).isEqualTo(Mapping.defaults().fingerprint());
        assertThat(Mapping.fromJson(null)).isEqualTo(Mapping.defaults());
        assertThat(Mapping.fromJson(MissingNode.getInstance())).isEqualTo(Mapping.defaults());
        assertThat(yaml("{}")).isEqualTo(Mapping.defaults());
    }

    @Test
    void fingerprintIsAStableHashOfTheCanonicalForm() throws Exception {
        assertThat(Mapping.defaults().canonicalJson()).isEqualTo("{\"case-sensitive\":false,\"entry-fields\":{"
                + "\"email\":[\"email\",\"address\",\"value\"],\"phone\":[\"number\",\"phone\",\"value\"],"
                + "\"type\":[\"type\",\"label\"],\"region\":[\"country\",\"region\"],\"extension\":[\"ext\",\"extension\"]},"
                + "\"emails\":[{\"path\":\"$.emails\"},{\"path\":\"$.email\"}],"
                + "\"phones\":[{\"path\":\"$.phones\"},{\"path\":\"$.phone\"}],\"ignore\":[]}");
        assertThat(Mapping.defaults().fingerprint()).matches("[0-9a-f]{16}").isEqualTo(FINGERPRINT_OF_DEFAULTS);
        Mapping reordered = yaml("phones: [{path: $.phones}, {path: $.phone}]\nemails: [{path: $.emails}, {path: $.email}]");
        assertThat(reordered.fingerprint()).as("key order does not matter").isEqualTo(FINGERPRINT_OF_DEFAULTS);
        assertThat(yaml("emails: [{path: $.email}, {path: $.emails}]").fingerprint()).as("rule order does")
                .isNotEqualTo(FINGERPRINT_OF_DEFAULTS);
    }

    private static final String FINGERPRINT_OF_DEFAULTS = "5b1b8f666b7bbc3f";

    @Test
    void travelsInTheJobGraphAndCompilesAgainAfterwards() throws Exception {
        Mapping mapping = yaml("emails:\n  - path: \"$[?(@.kind == 'email')]\"\n    type: work\n    fields: {email: [value]}\n"
                + "ignore: [$.notes]\n");
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(mapping);
        }
        Mapping copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (Mapping) in.readObject();
        }

        assertThat(copy).isEqualTo(mapping);
        JsonNode doc = YAML.readTree("[{kind: email, value: a@x.com}]");
        assertThat(copy.compiled().select(doc).of(RuleKind.EMAILS)).extracting(Selection::path).containsExactly("$[0]");
    }

    static Stream<Arguments> invalidMappings() {
        return Stream.of(
                Arguments.of("emails:\n  - path: $.emails\n  - path: \"$[?(@.kind ==)]\"\n",
                        "mapping.emails[1].path: \"$[?(@.kind ==)]\" is not a valid JSONPath"),
                Arguments.of("phones:\n  - path: phones\n", "mapping.phones[0].path: \"phones\" is not a JSONPath: it must start with $"),
                Arguments.of("emails:\n  - path: $.a\n    fields: {mail: [x]}\n",
                        "mapping.emails[0].fields.mail: unknown entry field for emails rules; known: email, type"),
                Arguments.of("emails:\n  - path: $.a\n    fields: {extension: [x]}\n",
                        "mapping.emails[0].fields.extension: unknown entry field for emails rules"),
                Arguments.of("entry-fields:\n  telephone: [x]\n",
                        "mapping.entry-fields.telephone: unknown entry field; known: email, phone, type, region, extension"),
                Arguments.of("emails: []\n", "mapping.emails: the list of rules is empty"),
                Arguments.of("entry-fields:\n  email: []\n", "mapping.entry-fields.email: the list of keys is empty"),
                Arguments.of("phones:\n  - path: $.p\n    fields: {phone: []}\n", "mapping.phones[0].fields.phone: the list of keys is empty"),
                Arguments.of("emails:\n  - path: $.a\n    kind: work\n", "mapping.emails[0].kind: unknown key in a rule; known: fields, path, type"),
                Arguments.of("email:\n  - path: $.a\n", "mapping.email: unknown key in the mapping section"),
                Arguments.of("emails:\n  - $.emails\n", "mapping.emails[0]: a rule is a map with keys fields, path, type"),
                Arguments.of("emails:\n  - type: work\n", "mapping.emails[0].path: is required"),
                Arguments.of("emails:\n  - path: $.a\n    type: \" \"\n", "mapping.emails[0].type: must be a non-blank string"),
                Arguments.of("case-sensitive: maybe\n", "mapping.case-sensitive: must be true or false"),
                Arguments.of("ignore: [\"$..\"]\n", "mapping.ignore[0]: \"$..\" is not a valid JSONPath"),
                Arguments.of("ignore: $.notes\n", "mapping.ignore: must be a list of JSONPaths"),
                Arguments.of("[]\n", "mapping: must be a map"));
    }

    @ParameterizedTest(name = "{1}")
    @MethodSource("invalidMappings")
    void anInvalidMappingFailsWhenItIsReadNamingTheRule(String yaml, String message) {
        assertThatThrownBy(() -> yaml(yaml)).isInstanceOf(MappingException.class).hasMessageStartingWith(message);
    }
}
