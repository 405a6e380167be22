package com.contactsync.config;

import java.io.Serializable;
import java.util.regex.Pattern;

/**
 * A table or column name taken from configuration, validated so it can be spliced into SQL
 * (identifiers cannot be bound as statement parameters). Optionally schema-qualified.
 */
public final class SqlIdentifier implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final Pattern PART = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    private final String schema;
    private final String name;

    private SqlIdentifier(String schema, String name) {
        this.schema = schema;
        this.name = name;
    }

    /** Parses {@code name} or {@code schema.name}; rejects anything else with a clear message. */
    public static SqlIdentifier of(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("an SQL identifier is required, got nothing");
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length > 2) {
            throw new IllegalArgumentException(
                    "'" + text + "' is not a valid identifier: use name or schema.name");
        }
        for (String part : parts) {
            if (!PART.matcher(part).matches()) {
                throw new IllegalArgumentException(
                        "'" + text + "' is not a valid identifier: letters, digits and _ only,"
                                + " starting with a letter or _, at most 63 characters a part");
            }
        }
        return parts.length == 2 ? new SqlIdentifier(parts[0], parts[1]) : new SqlIdentifier(null, parts[0]);
    }

    /** The identifier quoted for PostgreSQL, e.g. {@code "public"."profile"}. */
    public String quoted() {
        String quotedName = '"' + name + '"';
        return schema == null ? quotedName : '"' + schema + "\"." + quotedName;
    }

    @Override
    public String toString() {
        return schema == null ? name : schema + "." + name;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SqlIdentifier && toString().equals(o.toString());
    }

    @Override
    public int hashCode() {
        return toString().hashCode();
    }
}
