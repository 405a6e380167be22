package com.contactsync.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.Option;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

import java.util.Iterator;
import java.util.Map;

/**
 * A path only Jayway evaluates (filters, deep scans, slices, unions). Jayway runs on the Jackson tree and
 * answers with its path list ({@code $['a'][0]}), which is resolved back to the nodes, their ordinals and
 * their normalized paths. Case-insensitive keys come from {@link CaseInsensitiveJsonProvider}.
 */
final class JaywayPath extends CompiledPath {

    private static final Configuration EXACT = configuration(new JacksonJsonNodeJsonProvider());
    private static final Configuration ANY_CASE = configuration(new CaseInsensitiveJsonProvider());

    private final JsonPath path;
    private final boolean caseSensitive;

    JaywayPath(JsonPath path, boolean caseSensitive) {
        this.path = path;
        this.caseSensitive = caseSensitive;
    }

    private static Configuration configuration(JacksonJsonNodeJsonProvider provider) {
        return Configuration.builder().jsonProvider(provider).mappingProvider(new JacksonMappingProvider())
                .options(Option.AS_PATH_LIST, Option.SUPPRESS_EXCEPTIONS, Option.ALWAYS_RETURN_LIST).build();
    }

    @Override
    void select(JsonNode root, Found found) {
        Object result = path.read(root, caseSensitive ? EXACT : ANY_CASE);
        if (!(result instanceof Iterable<?> paths)) {
            return;
        }
        for (Object p : paths) {
            String text = p instanceof JsonNode n ? n.textValue() : String.valueOf(p);
            if (text != null) {
                resolve(root, text, found);
            }
        }
    }

    /** Follows a Jayway path ({@code $['key'][2]}, keys not escaped) from the root; unresolvable paths are skipped. */
    private void resolve(JsonNode root, String jayway, Found found) {
        JsonNode node = root;
        int[] order = new int[0];
        String normalized = JsonPathText.ROOT;
        int i = 1;
        while (i < jayway.length()) {
            if (jayway.startsWith("['", i) && node.isObject()) {
                String bestKey = null;
                int bestOrdinal = -1;
                int ordinal = 0;
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ordinal++) {
                    String key = it.next().getKey();
                    boolean fits = jayway.startsWith("']", i + 2 + key.length()) && (jayway.startsWith(key, i + 2)
                            || (!caseSensitive && keyForm(jayway.substring(i + 2, i + 2 + key.length()), false)
                                    .equals(keyForm(key, false))));
                    // The longest key that fits: a key may itself hold "']".
                    if (fits && (bestKey == null || key.length() > bestKey.length())) {
                        bestKey = key;
                        bestOrdinal = ordinal;
                    }
                }
                if (bestKey == null) {
                    return;
                }
                node = node.get(bestKey);
                order = append(order, bestOrdinal);
                normalized = JsonPathText.child(normalized, bestKey);
                i += 2 + bestKey.length() + 2;
            } else if (jayway.startsWith("[", i) && node.isArray()) {
                int close = jayway.indexOf(']', i);
                if (close < 0) {
                    return;
                }
                int index;
                try {
                    index = Integer.parseInt(jayway.substring(i + 1, close));
                } catch (NumberFormatException e) {
                    return;
                }
                if (index < 0 || index >= node.size()) {
                    return;
                }
                node = node.get(index);
                order = append(order, index);
                normalized = JsonPathText.index(normalized, index);
                i = close + 1;
            } else {
                return;
            }
        }
        found.found(node, order, normalized);
    }
}
