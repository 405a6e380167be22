package com.contactsync.shapes;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The JSON type of a value, as the census names it. */
enum ValueType {
    STRING, NUMBER, OBJECT, ARRAY, BOOLEAN, NULL;

    static ValueType of(JsonNode node) {
        if (node.isTextual()) {
            return STRING;
        }
        if (node.isNumber()) {
            return NUMBER;
        }
        if (node.isObject()) {
            return OBJECT;
        }
        if (node.isArray()) {
            return ARRAY;
        }
        return node.isBoolean() ? BOOLEAN : NULL; // binary and POJO nodes never come out of the parser
    }

    int bit() {
        return 1 << ordinal();
    }

    /** The names of the types in a bit set, in declaration order: {@code [string, null]}. */
    static List<String> names(int bits) {
        List<String> names = new ArrayList<>(2);
        for (ValueType type : values()) {
            if ((bits & type.bit()) != 0) {
                names.add(type.name().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }
}
