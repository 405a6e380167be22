package com.contactsync.embedded;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;

/** A capture's replication slot and publication as PostgreSQL sees them: state, position, removal. */
final class ChangeCaptureSlot {

    private static final long POLL_MILLIS = 100;

    private final JdbcEndpoint endpoint;
    private final String slotName;
    private final SqlIdentifier publication;

    ChangeCaptureSlot(JdbcEndpoint endpoint, String slotName, String publicationName) {
        this.endpoint = endpoint;
        this.slotName = slotName;
        this.publication = SqlIdentifier.of(publicationName);
    }

    /**
     * Waits until a walsender streams from the slot; gives up early when {@code failure} reports
     * one, and with an {@link IllegalStateException} at the deadline.
     */
    void awaitActive(Duration timeout, Supplier<Throwable> failure) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!Boolean.TRUE.equals(active().orElse(false))) {
            Throwable error = failure.get();
            if (error != null) {
                throw new IllegalStateException("change capture on slot " + slotName + " failed to start", error);
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("replication slot " + slotName + " was not streaming after " + timeout);
            }
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** Waits (bounded) until no walsender holds the slot, so it can be dropped or taken over. */
    void awaitInactive(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (active().orElse(false) && System.nanoTime() < deadline) {
            Thread.sleep(POLL_MILLIS);
        }
    }

    /** The slot's confirmed flush LSN, e.g. {@code 0/1A2B3C8}; empty if there is no such slot. */
    Optional<String> confirmedFlushLsn() {
        return query("SELECT confirmed_flush_lsn::text FROM pg_replication_slots WHERE slot_name = ?")
                .map(String.class::cast);
    }

    /** Drops the slot (once inactive) and the publication, if they exist. */
    void drop(Duration timeout) throws InterruptedException {
        awaitInactive(timeout);
        try (Connection c = endpoint.connect()) {
            try (PreparedStatement s = c.prepareStatement(
                    "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
                s.setString(1, slotName);
                s.execute();
            }
            try (Statement s = c.createStatement()) {
                s.execute("DROP PUBLICATION IF EXISTS " + publication.quoted());
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop replication slot " + slotName + " or its publication", e);
        }
    }

    private Optional<Boolean> active() {
        return query("SELECT active FROM pg_replication_slots WHERE slot_name = ?").map(Boolean.class::cast);
    }

    private Optional<Object> query(String sql) {
        try (Connection c = endpoint.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, slotName);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getObject(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the state of replication slot " + slotName, e);
        }
    }
}
