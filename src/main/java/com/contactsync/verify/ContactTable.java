package com.contactsync.verify;

import com.contactsync.config.SqlIdentifier;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The three target tables as the verifier compares them: the columns that must match (key columns
 * first, as in each table's primary key after profile_id) and which of them hold contact data.
 */
enum ContactTable {
    EMAIL("profile_email", 1,
            text("email", true), text("email_raw", true), text("domain", false), text("type", false),
            bool("is_valid"), integer("position")),
    PHONE("profile_phone", 2,
            text("phone", true), text("extension", false), text("phone_raw", true), text("country", false),
            text("type", false), bool("is_valid"), integer("position")),
    ISSUE("contact_quality_issue", 1,
            integer("issue_no"), text("field", false), integer("position"), text("code", false),
            text("raw_value", true), text("normalized_value", true), text("suggestion", true));

    /** The Java form a column is compared in. */
    enum ColumnType { TEXT, BOOLEAN, INTEGER }

    /** One compared column; {@code personal} values are masked in reports. */
    record Column(String name, ColumnType type, boolean personal) {
        Object read(ResultSet rs, int index) throws SQLException {
            Object value = switch (type) {
                case BOOLEAN -> rs.getBoolean(index);
                case INTEGER -> rs.getInt(index);
                case TEXT -> rs.getString(index);
            };
            return rs.wasNull() ? null : value;
        }
    }

    private final String tableName;
    private final int keyColumns;
    private final List<Column> columns;

    ContactTable(String tableName, int keyColumns, Column... columns) {
        this.tableName = tableName;
        this.keyColumns = keyColumns;
        this.columns = List.of(columns);
    }

    String tableName() {
        return tableName;
    }

    List<Column> columns() {
        return columns;
    }

    List<Object> key(List<Object> row) {
        return row.subList(0, keyColumns);
    }

    /** The compared columns of the rows of the given profiles; one parameter: a bigint[] of ids. */
    String selectForProfiles() {
        StringBuilder sql = new StringBuilder("SELECT ").append(quoted("profile_id"));
        for (Column column : columns) {
            sql.append(", ").append(quoted(column.name()));
        }
        return sql.append(" FROM ").append(quoted(tableName))
                .append(" WHERE ").append(quoted("profile_id")).append(" = ANY(?)").toString();
    }

    /** One row read by {@link #selectForProfiles()}, without its profile_id. */
    List<Object> read(ResultSet rs) throws SQLException {
        List<Object> row = new ArrayList<>(columns.size());
        for (int i = 0; i < columns.size(); i++) {
            row.add(columns.get(i).read(rs, i + 2));
        }
        return row;
    }

    static String quoted(String identifier) {
        return SqlIdentifier.of(identifier).quoted();
    }

    private static Column text(String name, boolean personal) {
        return new Column(name, ColumnType.TEXT, personal);
    }

    private static Column bool(String name) {
        return new Column(name, ColumnType.BOOLEAN, false);
    }

    private static Column integer(String name) {
        return new Column(name, ColumnType.INTEGER, false);
    }
}
