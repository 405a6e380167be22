package com.contactsync.verify;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Compares one profile's expected rows with the actual ones, table by table, as multisets: rows
 * equal in every compared column cancel out; of the rest, an expected and an actual row with the
 * same key differ in value, an expected row alone is missing and an actual row alone unexpected.
 */
final class ProfileDiff {

    private ProfileDiff() {}

    static List<Mismatch> compare(long profileId, ProfileRows expected, ProfileRows actual) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (ContactTable table : ContactTable.values()) {
            compare(profileId, table, expected.rows(table), actual.rows(table), mismatches);
        }
        return mismatches;
    }

    /** A profile missing from the source whose rows remain: one mismatch per table holding rows. */
    static List<Mismatch> orphaned(long profileId, ProfileRows actual) {
        List<Mismatch> mismatches = new ArrayList<>();
        for (ContactTable table : ContactTable.values()) {
            int rows = actual.rows(table).size();
            if (rows > 0) {
                mismatches.add(new Mismatch(profileId, table.tableName(), MismatchKind.ORPHANED_PROFILE,
                        "profile is not in the source, " + rows + " row(s) remain"));
            }
        }
        return mismatches;
    }

    private static void compare(long profileId, ContactTable table, List<List<Object>> expected,
                                List<List<Object>> actual, List<Mismatch> out) {
        Map<List<Object>, Integer> unmatched = new HashMap<>();
        for (List<Object> row : expected) {
            unmatched.merge(row, 1, Integer::sum);
        }
        Map<List<Object>, List<List<Object>>> extraByKey = new LinkedHashMap<>();
        for (List<Object> row : actual) {
            Integer left = unmatched.get(row);
            if (left != null && left > 0) {
                unmatched.put(row, left - 1);
            } else {
                extraByKey.computeIfAbsent(table.key(row), k -> new ArrayList<>()).add(row);
            }
        }
        for (List<Object> row : expected) {
            Integer left = unmatched.get(row);
            if (left == null || left == 0) {
                continue;
            }
            unmatched.put(row, left - 1);
            List<List<Object>> sameKey = extraByKey.get(table.key(row));
            if (sameKey != null && !sameKey.isEmpty()) {
                out.add(new Mismatch(profileId, table.tableName(), MismatchKind.DIFFERENT_VALUE,
                        RowDescription.differences(table, row, sameKey.remove(0))));
            } else {
                out.add(new Mismatch(profileId, table.tableName(), MismatchKind.MISSING_ROW,
                        "missing " + RowDescription.row(table, row)));
            }
        }
        for (List<List<Object>> rows : extraByKey.values()) {
            for (List<Object> row : rows) {
                out.add(new Mismatch(profileId, table.tableName(), MismatchKind.UNEXPECTED_ROW,
                        "unexpected " + RowDescription.row(table, row)));
            }
        }
    }
}
