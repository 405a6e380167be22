package com.contactsync.generate;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.PrimitiveIterator;

/**
 * Creates a profile table and fills it with generated profiles through COPY, chunk by chunk, with
 * a fixed-size buffer: memory stays flat for any number of rows.
 */
public final class ProfileTableLoader {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileTableLoader.class);
    private static final int BUFFER_BYTES = 256 * 1024;
    private static final String ID = SqlIdentifier.of("id").quoted();
    private static final String CONTACTS = SqlIdentifier.of("contacts").quoted();
    private static final String COUNTRY = SqlIdentifier.of("country").quoted();
    private static final String NAME = SqlIdentifier.of("name").quoted();
    private static final String UPDATED_AT = SqlIdentifier.of("updated_at").quoted();

    private final JdbcEndpoint endpoint;
    private final SqlIdentifier table;
    private final ContactsColumnType columnType;
    private final long chunkRows;

    public ProfileTableLoader(JdbcEndpoint endpoint, SqlIdentifier table, ContactsColumnType columnType) {
        this(endpoint, table, columnType, 100_000);
    }

    private ProfileTableLoader(JdbcEndpoint endpoint, SqlIdentifier table, ContactsColumnType columnType, long chunkRows) {
        if (chunkRows < 1) {
            throw new IllegalArgumentException("rows per COPY chunk must be >= 1, got " + chunkRows);
        }
        this.endpoint = endpoint;
        this.table = table;
        this.columnType = columnType;
        this.chunkRows = chunkRows;
    }

    /** Rows per COPY statement: each chunk commits on its own, so a failure loses at most one. */
    public ProfileTableLoader withChunkRows(long rows) {
        return new ProfileTableLoader(endpoint, table, columnType, rows);
    }

    /** Creates the table unless it exists; an existing table must have the configured contacts type. */
    public void createTableIfAbsent() {
        String ddl = "CREATE TABLE IF NOT EXISTS " + table.quoted() + " (" + ID + " bigint PRIMARY KEY, "
                + CONTACTS + " " + columnType.sqlType() + ", " + COUNTRY + " text, " + NAME + " text, "
                + UPDATED_AT + " timestamptz DEFAULT now())";
        try (Connection c = endpoint.connect()) {
            try (Statement s = c.createStatement()) {
                s.execute(ddl);
            }
            String actual = contactsType(c);
            if (!columnType.sqlType().equals(actual)) {
                throw new IllegalStateException("table " + table + " exists with contacts of type " + actual
                        + ", not " + columnType.sqlType() + ": drop it or load with --contacts-type " + actual);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create table " + table + " on " + endpoint, e);
        }
    }

    /** Appends {@code count} generated profiles with ids from {@code ids}; the ids must not exist yet. */
    public LoadReport load(ProfileGenerator generator, long count, IdLayout ids) {
        String copy = "COPY " + table.quoted() + " (" + ID + ", " + CONTACTS + ", " + COUNTRY + ", " + NAME + ")"
                + " FROM STDIN (FORMAT text)";
        PrimitiveIterator.OfLong idSequence = ids.ids();
        long started = System.nanoTime();
        long loaded = 0;
        long firstId = 0;
        long lastId = 0;
        try (Connection c = endpoint.connect()) {
            CopyManager copies = c.unwrap(PGConnection.class).getCopyAPI();
            while (loaded < count) {
                long chunk = Math.min(chunkRows, count - loaded);
                CopyIn in = copies.copyIn(copy);
                try {
                    CopyTextBuffer rows = new CopyTextBuffer(in::writeToCopy, BUFFER_BYTES);
                    for (long i = 0; i < chunk; i++) {
                        lastId = idSequence.nextLong();
                        firstId = firstId == 0 ? lastId : firstId; // ids start at 1
                        GeneratedProfile p = generator.generate(lastId);
                        rows.number(p.id()).text(columnType.storable(p)).text(p.country()).text(p.name()).endRow();
                    }
                    rows.flush();
                    in.endCopy();
                } finally {
                    if (in.isActive()) {
                        in.cancelCopy();
                    }
                }
                loaded += chunk;
                LOG.debug("copied {} of {} profiles into {}", loaded, count, table);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not load profiles into " + table + " after " + loaded + " rows", e);
        }
        LoadReport report = new LoadReport(loaded, firstId, lastId, Duration.ofNanos(System.nanoTime() - started));
        LOG.info("loaded {} into {}", report, table);
        return report;
    }

    private String contactsType(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(
                "SELECT format_type(atttypid, atttypmod) FROM pg_attribute"
                        + " WHERE attrelid = ?::regclass AND attname = ? AND NOT attisdropped")) {
            s.setString(1, table.quoted());
            s.setString(2, "contacts");
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : "(no contacts column)";
            }
        }
    }
}
