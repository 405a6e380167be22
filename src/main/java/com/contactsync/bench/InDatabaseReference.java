package com.contactsync.bench;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The fastest a user could move the contacts without us: one {@code INSERT ... SELECT} per target
 * table that unnests the JSON with {@code jsonb_array_elements} and trims/lowercases in SQL, into
 * tables shaped like ours (same keys and indexes). None of our guarantees: no validation, no
 * phone parsing, no quality issues, no resumability, one long transaction on the live table.
 */
public final class InDatabaseReference {

    private final JdbcEndpoint db;
    private final SqlIdentifier table;

    public InDatabaseReference(JdbcEndpoint db, SqlIdentifier table) {
        this.db = db;
        this.table = table;
    }

    /** Runs the reference; returns its wall-clock seconds and the rows it wrote. */
    public Result run() throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("DROP TABLE IF EXISTS ref_profile_email, ref_profile_phone");
            s.execute("CREATE TABLE ref_profile_email (LIKE profile_email INCLUDING ALL)");
            s.execute("CREATE TABLE ref_profile_phone (LIKE profile_phone INCLUDING ALL)");
            long start = System.nanoTime();
            int emails = s.executeUpdate(
                    "INSERT INTO ref_profile_email (profile_id, email, email_raw, domain, is_valid, position)"
                            + " SELECT p.id, lower(btrim(x.raw)), x.raw, split_part(lower(btrim(x.raw)), '@', 2), true, x.ord - 1"
                            + " FROM " + table.quoted() + " p,"
                            + " LATERAL (SELECT CASE jsonb_typeof(e) WHEN 'string' THEN e #>> '{}'"
                            + "   WHEN 'object' THEN coalesce(e ->> 'email', e ->> 'address', e ->> 'value') END AS raw, ord"
                            + "   FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.contacts) = 'object'"
                            + "     AND jsonb_typeof(p.contacts -> 'emails') = 'array' THEN p.contacts -> 'emails' ELSE '[]' END)"
                            + "   WITH ORDINALITY AS a(e, ord)) x"
                            + " WHERE x.raw IS NOT NULL AND btrim(x.raw) <> ''"
                            + " ON CONFLICT DO NOTHING");
            int phones = s.executeUpdate(
                    "INSERT INTO ref_profile_phone (profile_id, phone, phone_raw, is_valid, position)"
                            + " SELECT p.id, regexp_replace(x.raw, '[^0-9+]', '', 'g'), x.raw, true, x.ord - 1"
                            + " FROM " + table.quoted() + " p,"
                            + " LATERAL (SELECT CASE jsonb_typeof(e) WHEN 'string' THEN e #>> '{}' WHEN 'number' THEN e #>> '{}'"
                            + "   WHEN 'object' THEN coalesce(e ->> 'number', e ->> 'phone', e ->> 'value') END AS raw, ord"
                            + "   FROM jsonb_array_elements(CASE WHEN jsonb_typeof(p.contacts) = 'object'"
                            + "     AND jsonb_typeof(p.contacts -> 'phones') = 'array' THEN p.contacts -> 'phones' ELSE '[]' END)"
                            + "   WITH ORDINALITY AS a(e, ord)) x"
                            + " WHERE x.raw IS NOT NULL AND regexp_replace(x.raw, '[^0-9]', '', 'g') <> ''"
                            + " ON CONFLICT DO NOTHING");
            return new Result((System.nanoTime() - start) / 1e9, emails, phones);
        }
    }

    /** What the reference did. */
    public record Result(double seconds, long emailRows, long phoneRows) {}
}
