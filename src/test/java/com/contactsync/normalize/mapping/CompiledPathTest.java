package com.contactsync.normalize.mapping;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.jayway.jsonpath.JsonPath;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.ArrayList;
import java.util.List;

class CompiledPathTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] DOCUMENTS = {
        "{\"emails\":[\"a\",{\"value\":\"b\"}],\"email\":null,\"contact\":{\"primary\":{\"email\":\"c\"},\"others\":[{\"email\":\"d\"},{\"email\":\"e\"}]}}",
        "[{\"kind\":\"email\",\"value\":\"a\"},{\"kind\":\"phone\",\"value\":\"1\"}]",
        "{\"odd key\":{\"it's\":[1,[2,3]]},\"emails\":\"x\",\"e-mail\":\"y\"}",
        "42", "{}", "[]", "{\"emails\":{\"home\":\"a\",\"work\":[\"b\"]}}",
    };

    @ParameterizedTest
    @ValueSource(strings = {"$", "$.emails", "$.email", "$.contact.primary.email", "$.contact.others[*].email",
        "$.contact.others[1]", "$[0]", "$[*].value", "$.*", "$.emails[*]", "$.emails.*", "$['odd key']['it\\'s'][1][0]",
        "$.e-mail", "$[\"emails\"]", "$.emails[5]", "$.nothing.here"})
    void simplePathsSelectWhatJaywaySelects(String path) throws Exception {
        CompiledPath simple = CompiledPath.compile(path, true);
        assertThat(simple).isInstanceOf(SimplePath.class);
        JaywayPath jayway = new JaywayPath(JsonPath.compile(path), true);
        for (String document : DOCUMENTS) {
            JsonNode root = JSON.readTree(document);
            assertThat(paths(simple, root)).as("%s on %s", path, document).isEqualTo(paths(jayway, root));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"$..email", "$[?(@.kind == 'email')]", "$.emails[-1]", "$.emails[0:2]", "$['emails','email']",
        "$.emails.length()"})
    void everythingElseGoesToJayway(String path) {
        assertThat(CompiledPath.compile(path, false)).isInstanceOf(JaywayPath.class);
    }

    @Test
    void caseInsensitiveKeysFollowEveryMatchingKeyInDocumentOrderWithItsSpelling() throws Exception {
        JsonNode root = JSON.readTree("{\"Emails\":[\"a\"],\"x\":1,\"emails\":\"b\",\"EMAILS\":null}");

        assertThat(paths(CompiledPath.compile("$.emails", false), root)).containsExactly("$.Emails", "$.emails", "$.EMAILS");
        assertThat(paths(CompiledPath.compile("$.emails", true), root)).containsExactly("$.emails");
        assertThat(paths(CompiledPath.compile("$..EMAILS", false), root)).as("Jayway follows one of them")
                .hasSize(1);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "emails|$.emails", "work_email|$.work_email", "e-mail|$['e-mail']", "odd key|$['odd key']", "it's|$['it\\'s']",
        "2fa|$['2fa']", "''|$['']", "a\\b|$['a\\\\b']", "émail|$['émail']"})
    void pathsUseDotsForIdentifiersAndBracketsForTheRest(String key, String path) {
        assertThat(JsonPathText.child("$", key)).isEqualTo(path);
    }

    @Test
    void everyNormalizedPathReadsBackItsValueWithJayway() throws Exception {
        JsonNode root = JSON.readTree("{\"odd key\":{\"it's\":[\"x\"],\"a\\\\b\":\"y\",\"\":\"z\"}}");
        for (String path : List.of("$['odd key']['it\\'s'][0]", "$['odd key']['a\\\\b']", "$['odd key']['']")) {
            assertThat(paths(CompiledPath.compile(path, true), root)).containsExactly(path);
            assertThat(paths(new JaywayPath(JsonPath.compile(path), true), root)).containsExactly(path);
        }
    }

    private static List<String> paths(CompiledPath path, JsonNode root) {
        List<String> found = new ArrayList<>();
        path.select(root, (node, order, p) -> found.add(p));
        return found;
    }
}
