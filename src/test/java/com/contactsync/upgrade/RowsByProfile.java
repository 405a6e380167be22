package com.contactsync.upgrade;

import com.contactsync.ExpectedTables;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;

/** The textual table rows of {@link ExpectedTables}, grouped by profile id. */
final class RowsByProfile {

    private final Map<Long, List<String>> rows;

    private RowsByProfile(Map<Long, List<String>> rows) {
        this.rows = rows;
    }

    /** Groups lines of {@link ExpectedTables#expected} or {@link ExpectedTables#actual}. */
    static RowsByProfile of(List<String> lines) {
        Map<Long, List<String>> rows = new TreeMap<>();
        for (String line : lines) {
            String[] fields = line.split("\u241F", 3);
            rows.computeIfAbsent(Long.parseLong(fields[1]), id -> new ArrayList<>()).add(line);
        }
        return new RowsByProfile(rows);
    }

    /** Profiles with at least one row. */
    Set<Long> profiles() {
        return Collections.unmodifiableSet(rows.keySet());
    }

    /** The profile's rows, sorted; empty when it has none. */
    List<String> of(long profileId) {
        return rows.getOrDefault(profileId, List.of());
    }

    /** All rows of the profiles {@code include} accepts, sorted like {@link ExpectedTables}. */
    List<String> lines(LongPredicate include) {
        List<String> lines = new ArrayList<>();
        rows.forEach((id, profileRows) -> {
            if (include.test(id)) {
                lines.addAll(profileRows);
            }
        });
        Collections.sort(lines);
        return lines;
    }
}
