package com.contactsync.config;

import java.io.Serializable;
import java.util.Objects;

/**
 * The monolith's profile table and the columns ContactSync reads, validated once: every reader
 * (backfill, change parser, verify, privacy) takes this one value.
 *
 * @param countryColumn null when the table has no country column
 */
public record ProfileTable(SqlIdentifier table, SqlIdentifier idColumn, SqlIdentifier contactsColumn, SqlIdentifier countryColumn)
        implements Serializable {

    public ProfileTable {
        Objects.requireNonNull(table, "the profile table's name is required");
        requirePlainColumn(idColumn, "id");
        requirePlainColumn(contactsColumn, "contacts");
        if (countryColumn != null) {
            requirePlainColumn(countryColumn, "country");
        }
    }

    /** {@code table(id, contacts[, country])} with validated names; {@code country} null or blank for none. */
    public static ProfileTable of(String table, String idColumn, String contactsColumn, String countryColumn) {
        return new ProfileTable(SqlIdentifier.of(table), SqlIdentifier.of(idColumn), SqlIdentifier.of(contactsColumn),
                countryColumn == null || countryColumn.isBlank() ? null : SqlIdentifier.of(countryColumn));
    }

    /** Whether a country column is read along with the contacts. */
    public boolean hasCountryColumn() {
        return countryColumn != null;
    }

    private static void requirePlainColumn(SqlIdentifier column, String what) {
        Objects.requireNonNull(column, "the profile table's " + what + " column is required");
        if (column.toString().indexOf('.') >= 0) {
            throw new IllegalArgumentException("the " + what + " column must be a plain column name, got '" + column + "'");
        }
    }
}
