package com.contactsync.embedded;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratedProfile;
import com.contactsync.generate.ProfileGenerator;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.SplittableRandom;

/**
 * Makes one change of a given kind to the profile table on its own autocommit connection, with
 * contents from a {@link ProfileGenerator}; each statement commits on its own.
 */
final class LiveTrafficWriter implements AutoCloseable {

    /** One committed change. */
    record Change(LiveTrafficKind kind, long profileId) {
    }

    private static final int ATTEMPTS = 16;
    /** Generator ids for new contents: far above any real id, so edits get contents no profile had. */
    private static final long CONTENT_ID_BASE = 1L << 40;

    private final Connection connection;
    private final ContactsColumnType columnType;
    private final ProfileGenerator generator;
    private final LiveTrafficIds ids;
    private final PreparedStatement insert;
    private final PreparedStatement editContacts;
    private final PreparedStatement editOther;
    private final PreparedStatement delete;
    private long contentIds = CONTENT_ID_BASE;

    private LiveTrafficWriter(Connection connection, SqlIdentifier table, ProfileGenerator generator) throws SQLException {
        this.connection = connection;
        this.generator = generator;
        this.columnType = contactsType(connection, table);
        this.ids = currentIds(connection, table);
        String contacts = "CAST(? AS " + columnType.sqlType() + ")";
        String t = table.quoted();
        this.insert = connection.prepareStatement("INSERT INTO " + t + " (id, contacts, country, name, updated_at)"
                + " VALUES (?, " + contacts + ", ?, ?, now()) ON CONFLICT (id) DO NOTHING");
        this.editContacts = connection.prepareStatement(
                "UPDATE " + t + " SET contacts = " + contacts + ", updated_at = now() WHERE id = ?");
        this.editOther = connection.prepareStatement("UPDATE " + t + " SET name = ?, updated_at = now() WHERE id = ?");
        this.delete = connection.prepareStatement("DELETE FROM " + t + " WHERE id = ?");
    }

    static LiveTrafficWriter open(JdbcEndpoint endpoint, SqlIdentifier table, ProfileGenerator generator) throws SQLException {
        Connection connection = endpoint.connect();
        try {
            connection.setAutoCommit(true);
            return new LiveTrafficWriter(connection, table, generator);
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /**
     * Makes a change of {@code kind}; an edit, delete or re-insert with no row to apply to becomes
     * an insert, so every call commits exactly one change.
     */
    Change write(LiveTrafficKind kind, SplittableRandom random) throws SQLException {
        switch (kind) {
            case CONTACT_EDIT, OTHER_EDIT, DELETE -> {
                for (int i = 0; i < ATTEMPTS; i++) {
                    long id = ids.randomExisting(random);
                    if (id < 0) {
                        break;
                    }
                    if (apply(kind, id) == 1) {
                        if (kind == LiveTrafficKind.DELETE) {
                            ids.markDeleted(id);
                        }
                        return new Change(kind, id);
                    }
                }
            }
            case REINSERT -> {
                long id = ids.takeRandomDeleted(random);
                if (id >= 0 && insert(id, generator.generate(contentIds++)) == 1) {
                    return new Change(kind, id);
                }
            }
            case INSERT -> {
                // the insert below
            }
        }
        for (int i = 0; i < ATTEMPTS; i++) {
            long id = ids.takeNewId();
            if (insert(id, generator.generate(id)) == 1) {
                return new Change(LiveTrafficKind.INSERT, id);
            }
        }
        throw new IllegalStateException("another writer took each of " + ATTEMPTS + " new ids tried in a row");
    }

    private int apply(LiveTrafficKind kind, long id) throws SQLException {
        return switch (kind) {
            case CONTACT_EDIT -> {
                setContacts(editContacts, 1, generator.generate(contentIds++));
                editContacts.setLong(2, id);
                yield editContacts.executeUpdate();
            }
            case OTHER_EDIT -> {
                editOther.setString(1, generator.generate(contentIds++).name());
                editOther.setLong(2, id);
                yield editOther.executeUpdate();
            }
            case DELETE -> {
                delete.setLong(1, id);
                yield delete.executeUpdate();
            }
            default -> throw new IllegalArgumentException(kind + " is not a change of an existing row");
        };
    }

    /** Inserts {@code content}'s contacts, country and name under {@code id}; 0 if the id is taken. */
    private int insert(long id, GeneratedProfile content) throws SQLException {
        insert.setLong(1, id);
        setContacts(insert, 2, content);
        insert.setString(3, content.country());
        insert.setString(4, content.name());
        return insert.executeUpdate();
    }

    private void setContacts(PreparedStatement statement, int index, GeneratedProfile content) throws SQLException {
        String contacts = columnType.storable(content);
        if (contacts == null) {
            statement.setNull(index, Types.VARCHAR);
        } else {
            statement.setString(index, contacts);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    private static ContactsColumnType contactsType(Connection connection, SqlIdentifier table) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                + " WHERE attrelid = ?::regclass AND attname = 'contacts' AND NOT attisdropped")) {
            s.setString(1, table.quoted());
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("table " + table + " has no contacts column");
                }
                return ContactsColumnType.parse(rs.getString(1));
            }
        }
    }

    private static LiveTrafficIds currentIds(Connection connection, SqlIdentifier table) throws SQLException {
        try (Statement s = connection.createStatement();
             ResultSet rs = s.executeQuery("SELECT coalesce(min(id), 0), coalesce(max(id), 0) FROM " + table.quoted()
                     // Latency probes' profiles are not traffic's to touch.
                     + " WHERE id < " + LatencyProbe.FIRST_PROBE_ID)) {
            rs.next();
            return new LiveTrafficIds(rs.getLong(1), rs.getLong(2));
        }
    }
}
