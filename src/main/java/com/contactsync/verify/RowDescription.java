package com.contactsync.verify;

import java.util.List;
import java.util.Objects;

/** Describes rows and their differences for a report, with every contact value masked. */
final class RowDescription {

    private RowDescription() {}

    /** E.g. {@code row email=j***@example.com domain=example.com type=null is_valid=true position=0}. */
    static String row(ContactTable table, List<Object> row) {
        StringBuilder text = new StringBuilder("row");
        List<ContactTable.Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            ContactTable.Column column = columns.get(i);
            if (column.personal() && i > 0) {
                continue; // the key identifies the row; further contact values add nothing but exposure
            }
            text.append(' ').append(column.name()).append('=').append(value(column, row.get(i)));
        }
        return text.toString();
    }

    /** E.g. {@code email=j***@example.com: is_valid expected true, found false}. */
    static String differences(ContactTable table, List<Object> expected, List<Object> actual) {
        List<ContactTable.Column> columns = table.columns();
        StringBuilder text = new StringBuilder();
        int keyColumns = table.key(expected).size();
        for (int i = 0; i < keyColumns; i++) {
            text.append(i == 0 ? "" : " ").append(columns.get(i).name()).append('=').append(value(columns.get(i), expected.get(i)));
        }
        text.append(':');
        String separator = " ";
        for (int i = 0; i < columns.size(); i++) {
            if (!Objects.equals(expected.get(i), actual.get(i))) {
                ContactTable.Column column = columns.get(i);
                text.append(separator).append(column.name()).append(" expected ").append(value(column, expected.get(i)))
                        .append(", found ").append(value(column, actual.get(i)));
                separator = "; ";
            }
        }
        return text.toString();
    }

    private static String value(ContactTable.Column column, Object value) {
        if (value == null) {
            return "null";
        }
        return column.personal() ? Masking.mask(value.toString()) : value.toString();
    }
}
