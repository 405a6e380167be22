package com.contactsync.upgrade;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.CompositeType;
import org.apache.flink.api.java.typeutils.GenericTypeInfo;
import org.apache.flink.api.java.typeutils.ListTypeInfo;
import org.apache.flink.api.java.typeutils.MapTypeInfo;
import org.apache.flink.api.java.typeutils.ObjectArrayTypeInfo;
import org.apache.flink.api.java.typeutils.PojoField;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.api.java.typeutils.SetTypeInfo;

import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * Finds every place in a type where Flink would fall back to Kryo: a {@link GenericTypeInfo}, at
 * the top or nested in a POJO field, tuple, list, set, map or array. Kryo-serialized state cannot
 * evolve. (Flink 2.0 serializes List, Set and Map fields of POJOs itself; a UUID field, an
 * interface or a class without a no-argument constructor still goes to Kryo.)
 */
final class GenericTypeFinder {

    private final List<String> found = new ArrayList<>();
    private final Set<TypeInformation<?>> visited = Collections.newSetFromMap(new IdentityHashMap<>());

    private GenericTypeFinder() {}

    /** Paths like {@code ProfileEvent.contacts: GenericType<…>}; empty when nothing goes to Kryo. */
    static List<String> find(String name, TypeInformation<?> type) {
        GenericTypeFinder finder = new GenericTypeFinder();
        finder.walk(name, type);
        return finder.found;
    }

    private void walk(String path, TypeInformation<?> type) {
        if (type == null || !visited.add(type)) {
            return;
        }
        if (type instanceof GenericTypeInfo) {
            found.add(path + ": " + type);
        } else if (type instanceof PojoTypeInfo<?> pojo) {
            for (int i = 0; i < pojo.getArity(); i++) {
                PojoField field = pojo.getPojoFieldAt(i);
                walk(path + "." + field.getField().getName(), field.getTypeInformation());
            }
        } else if (type instanceof CompositeType<?> composite) {
            for (int i = 0; i < composite.getArity(); i++) {
                walk(path + "." + i, composite.getTypeAt(i));
            }
        } else if (type instanceof ListTypeInfo<?> list) {
            walk(path + "[]", list.getElementTypeInfo());
        } else if (type instanceof SetTypeInfo<?> set) {
            walk(path + "[]", set.getElementTypeInfo());
        } else if (type instanceof MapTypeInfo<?, ?> map) {
            walk(path + "{key}", map.getKeyTypeInfo());
            walk(path + "{value}", map.getValueTypeInfo());
        } else if (type instanceof ObjectArrayTypeInfo<?, ?> array) {
            walk(path + "[]", array.getComponentInfo());
        }
    }
}
