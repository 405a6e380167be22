package com.contactsync.verify;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** One profile's rows in the three target tables, each row as the list of its compared columns. */
final class ProfileRows {

    private final Map<ContactTable, List<List<Object>>> rows = new EnumMap<>(ContactTable.class);

    void add(ContactTable table, List<Object> row) {
        rows.computeIfAbsent(table, t -> new ArrayList<>()).add(row);
    }

    List<List<Object>> rows(ContactTable table) {
        return rows.getOrDefault(table, List.of());
    }

    boolean isEmpty() {
        return rows.isEmpty();
    }
}
