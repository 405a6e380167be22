package com.contactsync.source.change;

import com.contactsync.config.SqlIdentifier;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which tables and columns of the change topic {@link ChangeEventParser} reads, and Debezium's
 * placeholder for unchanged TOASTed values. Immutable.
 */
public final class ChangeParserSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    public static final SqlIdentifier DEFAULT_WATERMARK_TABLE = SqlIdentifier.of("contactsync_watermark");
    /** Debezium's default {@code unavailable.value.placeholder}. */
    public static final String DEFAULT_UNAVAILABLE_PLACEHOLDER = "__debezium_unavailable_value";
    /** The watermark table's column holding the marker id. */
    public static final String MARKER_COLUMN = "marker";

    private final SqlIdentifier profileTable;
    private final String idColumn;
    private final String contactsColumn;
    private final String countryColumn;
    private final SqlIdentifier watermarkTable;
    private final String unavailablePlaceholder;

    /** @param countryColumn null when the profile table has no country column */
    public ChangeParserSettings(
            SqlIdentifier profileTable, SqlIdentifier idColumn, SqlIdentifier contactsColumn, SqlIdentifier countryColumn) {
        this(profileTable, column(idColumn, "id"), column(contactsColumn, "contacts"),
                countryColumn == null ? null : column(countryColumn, "country"),
                DEFAULT_WATERMARK_TABLE, DEFAULT_UNAVAILABLE_PLACEHOLDER);
    }

    private ChangeParserSettings(SqlIdentifier profileTable, String idColumn, String contactsColumn,
            String countryColumn, SqlIdentifier watermarkTable, String unavailablePlaceholder) {
        this.profileTable = Objects.requireNonNull(profileTable, "the profile table is required");
        this.idColumn = idColumn;
        this.contactsColumn = contactsColumn;
        this.countryColumn = countryColumn;
        this.watermarkTable = Objects.requireNonNull(watermarkTable, "the watermark table is required");
        if (unavailablePlaceholder == null || unavailablePlaceholder.isEmpty()) {
            throw new IllegalArgumentException("the unavailable-value placeholder must not be empty:"
                    + " use Debezium's unavailable.value.placeholder (default " + DEFAULT_UNAVAILABLE_PLACEHOLDER + ")");
        }
        this.unavailablePlaceholder = unavailablePlaceholder;
    }

    public ChangeParserSettings withWatermarkTable(SqlIdentifier table) {
        return new ChangeParserSettings(profileTable, idColumn, contactsColumn, countryColumn, table, unavailablePlaceholder);
    }

    public ChangeParserSettings withUnavailablePlaceholder(String placeholder) {
        return new ChangeParserSettings(profileTable, idColumn, contactsColumn, countryColumn, watermarkTable, placeholder);
    }

    public String idColumn() {
        return idColumn;
    }

    public String contactsColumn() {
        return contactsColumn;
    }

    /** Null when there is none. */
    public String countryColumn() {
        return countryColumn;
    }

    public String unavailablePlaceholder() {
        return unavailablePlaceholder;
    }

    /** Whether an event's {@code source.schema} and {@code source.table} name the profile table. */
    public boolean isProfileTable(String schema, String table) {
        return names(profileTable, schema, table);
    }

    public boolean isWatermarkTable(String schema, String table) {
        return names(watermarkTable, schema, table);
    }

    /** An unqualified configured name matches that table in any schema. */
    private static boolean names(SqlIdentifier configured, String schema, String table) {
        String text = configured.toString();
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text.equals(table);
        }
        return text.substring(0, dot).equals(schema) && text.substring(dot + 1).equals(table);
    }

    private static String column(SqlIdentifier column, String what) {
        Objects.requireNonNull(column, "the " + what + " column is required");
        String name = column.toString();
        if (name.indexOf('.') >= 0) {
            throw new IllegalArgumentException("the " + what + " column must be a plain column name, got '" + name + "'");
        }
        return name;
    }
}
