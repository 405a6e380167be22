package com.contactsync;

import com.contactsync.config.JdbcEndpoint;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Profiles whose contacts are large and random enough for PostgreSQL to store them out of line
 * (TOAST), and a writer that keeps editing them while the job runs: mostly their name alone, so
 * the change event carries Debezium's unchanged-TOAST placeholder instead of the contacts, and
 * now and then (half of them) new large contacts.
 */
final class ToastedProfiles implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ToastedProfiles.class);
    /** Far above the ~2 KB TOAST threshold even after compression: the letters are random. */
    static final int CONTACTS_BYTES = 20_000;
    /** For odd-numbered profiles, one edit in this many replaces the contacts (with new large ones). */
    private static final int CONTACT_EDIT_EVERY = 5;

    private final JdbcEndpoint db;
    private final long firstId;
    private final int count;
    private final long seed;
    private final AtomicLong nameEdits = new AtomicLong();
    private final AtomicLong contactEdits = new AtomicLong();
    private final AtomicReference<Throwable> failure = new AtomicReference<>();
    private volatile boolean running;
    private Thread editor;

    private ToastedProfiles(JdbcEndpoint db, long firstId, int count, long seed) {
        this.db = db;
        this.firstId = firstId;
        this.count = count;
        this.seed = seed;
    }

    /** Inserts {@code count} profiles with ~20 KB contacts right above the table's highest id. */
    static ToastedProfiles insert(JdbcEndpoint db, int count, long seed) {
        try (Connection c = db.connect()) {
            long firstId;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT coalesce(max(id), 0) + 1 FROM profile")) {
                rs.next();
                firstId = rs.getLong(1);
            }
            SplittableRandom random = new SplittableRandom(seed);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO profile (id, contacts, country, name, updated_at)"
                    + " VALUES (?, CAST(? AS jsonb), 'US', ?, now())")) {
                for (int i = 0; i < count; i++) {
                    insert.setLong(1, firstId + i);
                    insert.setString(2, largeContacts(random));
                    insert.setString(3, "Toasted " + i);
                    insert.addBatch();
                }
                insert.executeBatch();
            }
            return new ToastedProfiles(db, firstId, count, seed);
        } catch (SQLException e) {
            throw new IllegalStateException("could not insert the toasted profiles", e);
        }
    }

    /** Contacts JSON of about {@link #CONTACTS_BYTES} bytes: random addresses and a couple of phones. */
    static String largeContacts(SplittableRandom random) {
        StringBuilder json = new StringBuilder(CONTACTS_BYTES + 200).append("{\"phones\": [\"+1 202 555 01")
                .append(10 + random.nextInt(90)).append("\", \"030 1234567\"], \"emails\": [");
        boolean first = true;
        while (json.length() < CONTACTS_BYTES) {
            json.append(first ? "\"" : ", \"");
            first = false;
            int length = 8 + random.nextInt(30);
            for (int i = 0; i < length; i++) {
                json.append((char) ('a' + random.nextInt(26)));
            }
            json.append(random.nextInt(4) == 0 ? "@Example.COM \"" : "@example.org\"");
        }
        return json.append("]}").toString();
    }

    /** Starts editing the toasted profiles, one edit every {@code pauseMillis}, until {@link #stop()}. */
    ToastedProfiles startEditing(long pauseMillis) {
        running = true;
        editor = new Thread(() -> edit(pauseMillis), "toasted-profile-editor");
        editor.setDaemon(true);
        editor.start();
        return this;
    }

    private void edit(long pauseMillis) {
        SplittableRandom random = new SplittableRandom(seed * 31 + 7);
        try (Connection c = db.connect();
             PreparedStatement name = c.prepareStatement("UPDATE profile SET name = ?, updated_at = now() WHERE id = ?");
             PreparedStatement contacts = c.prepareStatement(
                     "UPDATE profile SET contacts = CAST(? AS jsonb), updated_at = now() WHERE id = ?")) {
            long n = 0;
            while (running) {
                int index = random.nextInt(count);
                long id = firstId + index;
                // Even-numbered profiles only ever get name edits: for them a placeholder taken for a
                // change (or for empty contacts) would never be repaired by a later contacts edit.
                if (index % 2 == 1 && random.nextInt(CONTACT_EDIT_EVERY) == 0) {
                    contacts.setString(1, largeContacts(random));
                    contacts.setLong(2, id);
                    contactEdits.addAndGet(contacts.executeUpdate());
                } else {
                    name.setString(1, "Toasted edit " + n++);
                    name.setLong(2, id);
                    nameEdits.addAndGet(name.executeUpdate());
                }
                Thread.sleep(pauseMillis);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) {
            failure.set(e);
            LOG.error("toasted-profile edits failed", e);
        }
    }

    /** Stops editing, returns once the last edit committed, and throws what made the edits fail. */
    void stop() throws InterruptedException {
        running = false;
        if (editor != null) {
            editor.join(30_000);
        }
        if (failure.get() != null) {
            throw new IllegalStateException("toasted-profile edits failed", failure.get());
        }
        LOG.info("toasted profiles: {} name-only edits, {} contact edits", nameEdits.get(), contactEdits.get());
    }

    long nameEdits() {
        return nameEdits.get();
    }

    /** How many of these profiles PostgreSQL really keeps out of line (sanity check of the fixture). */
    long storedOutOfLine() throws SQLException {
        // pg_column_size is the stored (possibly compressed) size; above ~2 KB the value cannot be inline.
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(
                "SELECT count(*) FROM profile WHERE id BETWEEN ? AND ? AND pg_column_size(contacts) > 2100")) {
            s.setLong(1, firstId);
            s.setLong(2, firstId + count - 1);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Override
    public void close() throws InterruptedException {
        running = false;
        if (editor != null) {
            editor.join(30_000);
        }
    }
}
