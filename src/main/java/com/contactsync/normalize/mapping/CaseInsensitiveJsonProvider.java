package com.contactsync.normalize.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;

import java.util.AbstractCollection;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Jayway's Jackson provider with keys compared by their Locale.ROOT lower case: a key the path names
 * reads an object's key of any case (the exact spelling first), also in filters and deep scans. Of two
 * keys differing only in case Jayway follows one; simple paths ({@link SimplePath}) follow both.
 */
final class CaseInsensitiveJsonProvider extends JacksonJsonNodeJsonProvider {

    @Override
    public Object getMapValue(Object obj, String key) {
        ObjectNode object = (ObjectNode) obj;
        JsonNode value = object.get(key);
        if (value == null) {
            String form = CompiledPath.keyForm(key, false);
            for (Iterator<Map.Entry<String, JsonNode>> it = object.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> field = it.next();
                if (CompiledPath.keyForm(field.getKey(), false).equals(form)) {
                    value = field.getValue();
                    break;
                }
            }
        }
        return value == null ? UNDEFINED : unwrap(value);
    }

    @Override
    public Collection<String> getPropertyKeys(Object obj) {
        List<String> keys = new ArrayList<>(super.getPropertyKeys(obj));
        // Deep scans ask whether an object has the path's keys with containsAll.
        return new AbstractCollection<>() {
            @Override
            public Iterator<String> iterator() {
                return keys.iterator();
            }

            @Override
            public int size() {
                return keys.size();
            }

            @Override
            public boolean contains(Object o) {
                if (!(o instanceof String s)) {
                    return false;
                }
                String form = CompiledPath.keyForm(s, false);
                for (String key : keys) {
                    if (CompiledPath.keyForm(key, false).equals(form)) {
                        return true;
                    }
                }
                return false;
            }
        };
    }
}
