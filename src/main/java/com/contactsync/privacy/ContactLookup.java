package com.contactsync.privacy;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.sink.SecondaryIndexes;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Which profiles hold an email address or phone number: one query on the reverse index of the
 * target table ({@code profile_email_email_idx}, {@code profile_phone_phone_idx}). A phone is
 * found with every extension it was stored with. Profiles where only a quality issue records it (where
 * the mapping does not read) are found through the issues' partial index.
 */
public final class ContactLookup {

    /** One row holding the contact; {@code value} is the stored key, to be shown masked. */
    public record Holding(long profileId, String value, String extension, String type, boolean valid, int position) {
        @Override
        public String toString() {
            return "Holding{profile " + profileId + ", position " + position + "}";
        }
    }

    /**
     * A profile holding no row for the contact where a quality issue records it: the mapping does not read
     * where it is ({@code CONTACT_UNMAPPED} at {@code jsonPath}, or {@code CONTACT_MENTIONED} in the text there).
     */
    public record Recorded(long profileId, String code, String jsonPath) {}

    private final JdbcEndpoint target;

    public ContactLookup(JdbcEndpoint target) {
        this.target = target;
    }

    public List<Holding> find(ContactKey key) throws SQLException {
        try (Connection c = target.connect()) {
            c.setReadOnly(true);
            return find(c, key);
        }
    }

    /** On an open connection, e.g. to run many lookups. */
    public static List<Holding> find(Connection c, ContactKey key) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql(key.kind()))) {
            s.setString(1, key.value());
            List<Holding> holdings = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    holdings.add(new Holding(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
                            rs.getBoolean(5), rs.getInt(6)));
                }
            }
            return holdings;
        }
    }

    /** The profiles where only an issue records the contact, through the partial index of V10. */
    public static List<Recorded> recordedOnly(Connection c, ContactKey key) throws SQLException {
        String rows = key.kind() == ContactKey.Kind.EMAIL
                ? "SELECT 1 FROM profile_email r WHERE r.profile_id = i.profile_id AND r.email = ?"
                : "SELECT 1 FROM profile_phone r WHERE r.profile_id = i.profile_id AND r.phone = ?";
        try (PreparedStatement s = c.prepareStatement("SELECT i.profile_id, i.code, i.json_path FROM contact_quality_issue i"
                + " WHERE i.code IN ('CONTACT_UNMAPPED', 'CONTACT_MENTIONED') AND split_part(i.normalized_value, ';ext=', 1) = ?"
                + " AND NOT EXISTS (" + rows + ") ORDER BY i.profile_id, i.issue_no")) {
            s.setString(1, key.value());
            s.setString(2, key.value());
            List<Recorded> recorded = new ArrayList<>();
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    recorded.add(new Recorded(rs.getLong(1), rs.getString(2), rs.getString(3)));
                }
            }
            return recorded;
        }
    }

    /**
     * The reverse indexes a lookup of {@code kind} relies on that are not built yet or INVALID (a
     * backfill into empty tables builds them at its end, README "Deferred indexes"): the lookup
     * still answers correctly, by scanning the whole table.
     */
    public static List<String> missingIndexes(Connection c, ContactKey.Kind kind) throws SQLException {
        String reverse = kind == ContactKey.Kind.EMAIL ? "profile_email_email_idx" : "profile_phone_phone_idx";
        return SecondaryIndexes.missing(c).stream().map(SecondaryIndexes.SecondaryIndex::name)
                .filter(reverse::equals)
                .toList();
    }

    /** The lookup statement of a kind; one parameter, the key. */
    static String sql(ContactKey.Kind kind) {
        return kind == ContactKey.Kind.EMAIL
                ? "SELECT profile_id, email, '' AS extension, type, is_valid, position FROM profile_email"
                        + " WHERE email = ? ORDER BY profile_id"
                : "SELECT profile_id, phone, extension, type, is_valid, position FROM profile_phone"
                        + " WHERE phone = ? ORDER BY profile_id, extension";
    }
}
