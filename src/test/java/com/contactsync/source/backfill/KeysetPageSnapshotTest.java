package com.contactsync.source.backfill;

import com.contactsync.source.PgSnapshot;
import com.contactsync.source.ProfileEvent;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import static org.assertj.core.api.Assertions.assertThat;

/** Every page carries the snapshot its statement read under, so the sync operator can tell which changes a row saw. */
class KeysetPageSnapshotTest {

    private static final String TABLE = "snapshot_page_profile";
    private static BackfillTestDatabase database;

    @BeforeAll
    static void createTable() throws Exception {
        database = BackfillTestDatabase.get();
        database.createProfileTable(TABLE, "SELECT generate_series(1, 50)");
    }

    @Test
    void pageSeesCommittedTransactionsAndNotOnesInProgress() throws Exception {
        try (KeysetPageReader pages = new KeysetPageReader(database.settings(TABLE, 100, 20, 0));
                Connection writer = database.connect()) {
            long committed = update(writer, 1, "committed");

            writer.setAutoCommit(false);
            long open = update(writer, 2, "in progress");
            KeysetPageReader.Page page = pages.page(0, 50, 20, null);
            writer.commit();
            KeysetPageReader.Page later = pages.page(0, 50, 20, null);

            assertThat(page.rows()).hasSize(20).allSatisfy(row -> assertThat(row.readSnapshot()).isEqualTo(page.snapshot()));
            assertThat(page.snapshot().sees(committed)).isTrue();
            assertThat(page.snapshot().sees(open)).as("in progress when the page was read").isFalse();
            assertThat(page.rows().get(1).contacts).doesNotContain("in progress");
            assertThat(later.snapshot().sees(open)).isTrue();
            assertThat(later.rows().get(1).contacts).contains("in progress");
        }
    }

    @Test
    void emptyPageStillReturnsItsSnapshotAndPredicateFiltersRows() throws Exception {
        try (KeysetPageReader pages = new KeysetPageReader(database.settings(TABLE, 100, 100, 0))) {
            KeysetPageReader.Page empty = pages.page(1000, 2000, 10, null);
            KeysetPageReader.Page german = pages.page(0, 50, 100, "country = 'DE'");

            assertThat(empty.rows()).isEmpty();
            assertThat(empty.snapshot()).isNotNull();
            assertThat(german.rows()).hasSize(25).allSatisfy(row -> assertThat(row.profileId % 2).isZero());
        }
    }

    @Test
    void reselectReadsOneProfileOrReportsItAbsent() throws Exception {
        JdbcProfileReselector reselector = new JdbcProfileReselector(database.settings(TABLE, 100, 100, 0));
        reselector.open();
        try {
            ProfileEvent present = reselector.reselect(7);
            ProfileEvent absent = reselector.reselect(70);

            assertThat(present.profileId).isEqualTo(7);
            assertThat(present.kind).isEqualTo(ProfileEvent.Kind.SNAPSHOT);
            assertThat(present.contacts).contains("p7@example.org");
            assertThat(present.readSnapshot()).isNotNull();
            assertThat(absent.absent).isTrue();
            assertThat(absent.readSnapshot()).isNotNull();
        } finally {
            reselector.close();
        }
    }

    @Test
    void snapshotTextRoundTripsAndWidensAcrossTheEpoch() {
        PgSnapshot snapshot = PgSnapshot.parse("8589934590:8589934600:8589934595");
        assertThat(snapshot.toString()).isEqualTo("8589934590:8589934600:8589934595");
        assertThat(snapshot.widen(0xFFFF_FFFEL)).isEqualTo(8589934590L); // epoch 1, just before the wrap
        assertThat(snapshot.widen(5)).isEqualTo(8589934597L); // epoch 2
        assertThat(snapshot.sees(0xFFFF_FFFEL)).isTrue();
        assertThat(snapshot.sees(0xFFFF_FFFFL)).as("between xmin and xmax, not in progress").isTrue();
        assertThat(snapshot.sees(0xFFFF_0000L)).as("long before xmin").isTrue();
        assertThat(snapshot.sees(20)).as("after xmax, next epoch").isFalse();
        assertThat(snapshot.sees((8589934595L) & 0xFFFF_FFFFL)).as("in progress").isFalse();
        assertThat(snapshot.sees((8589934600L) & 0xFFFF_FFFFL)).as("at xmax: not yet").isFalse();
    }

    /** Updates one profile's contacts and returns the transaction's xid as Debezium's source.txId gives it (32 bits). */
    private static long update(Connection c, long id, String note) throws Exception {
        try (Statement s = c.createStatement()) {
            s.executeUpdate("UPDATE " + TABLE + " SET contacts = jsonb_build_object('note', '" + note + "') WHERE id = " + id);
            try (ResultSet rs = s.executeQuery("SELECT pg_current_xact_id()::text::bigint % 4294967296")) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
