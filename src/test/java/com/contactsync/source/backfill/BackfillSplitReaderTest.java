package com.contactsync.source.backfill;

import com.contactsync.config.ProfileTable;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The split reader against a real PostgreSQL: resume position, paging, memory and session hygiene. */
class BackfillSplitReaderTest {

    /** 200,000 rows with ids 3, 6, ..., 600,000. */
    private static final String TABLE = "reader_profile";
    private static final String OPEN_SESSIONS =
            "SELECT count(*) FROM pg_stat_activity WHERE application_name = '" + BackfillConnections.APPLICATION_NAME + "'";

    private static BackfillTestDatabase database;

    @BeforeAll
    static void createTable() throws Exception {
        database = BackfillTestDatabase.get();
        database.createProfileTable(TABLE, "SELECT 3 * generate_series(1, 200000)");
    }

    @Test
    void restoredSplitYieldsExactlyTheIdsAfterItsLastEmittedId() throws Exception {
        IdRangeSplit restored = new IdRangeSplit("split-4", 0, 3000, 1500);

        List<Long> ids = ids(readAll(reader(100, BackfillThrottle.perSecond(0)), restored));

        assertThat(ids).isEqualTo(database.longs("SELECT id FROM " + TABLE + " WHERE id > 1500 AND id <= 3000 ORDER BY id"));
        assertThat(ids).hasSize(500).startsWith(1503L).endsWith(3000L);
    }

    @Test
    void pageBoundaryInsideASplitLosesAndRepeatsNothing() throws Exception {
        List<List<ProfileEvent>> fetches = readAll(reader(300, BackfillThrottle.perSecond(0)), IdRangeSplit.unread("split-0", 0, 3000));

        assertThat(fetches).extracting(List::size).containsExactly(300, 300, 300, 100);
        assertThat(ids(fetches)).hasSize(1000).doesNotHaveDuplicates().isSorted().startsWith(3L).endsWith(3000L);
    }

    @Test
    void splitEndingOnAPageBoundaryNeedsNoExtraQuery() throws Exception {
        List<List<ProfileEvent>> fetches = readAll(reader(300, BackfillThrottle.perSecond(0)), IdRangeSplit.unread("split-0", 0, 2700));

        assertThat(fetches).extracting(List::size).containsExactly(300, 300, 300);
    }

    @Test
    void hugeSplitIsHeldOnePageAtATime() throws Exception {
        AtomicLong throttled = new AtomicLong();
        BackfillSplitReader reader = reader(1000, throttled::addAndGet);

        List<List<ProfileEvent>> fetches = readAll(reader, IdRangeSplit.unread("split-0", 0, 600_000));

        assertThat(fetches).hasSize(200).allSatisfy(fetch -> assertThat(fetch).hasSizeLessThanOrEqualTo(1000));
        assertThat(fetches.stream().mapToInt(List::size).sum()).isEqualTo(200_000);
        assertThat(throttled).hasValue(200_000);
    }

    @Test
    void readsContactsAndCountryAsText() throws Exception {
        List<ProfileEvent> rows = rows(readAll(reader(10, BackfillThrottle.perSecond(0)), IdRangeSplit.unread("split-0", 0, 6)), 2);

        assertThat(rows.get(0).kind).isEqualTo(ProfileEvent.Kind.SNAPSHOT);
        assertThat(rows.get(0).contacts).isEqualTo("{\"emails\": [\"p3@example.org\"]}");
        assertThat(rows.get(0).country).isNull();
        assertThat(rows.get(1).country).isEqualTo("DE");
    }

    @Test
    void tableWithoutCountryColumnYieldsNoCountry() throws Exception {
        BackfillSettings withCountry = database.settings(TABLE, 100, 10, 0);
        BackfillSettings noCountry = new BackfillSettings(withCountry.endpoint(), new ProfileTable(withCountry.profileTable().table(),
                withCountry.profileTable().idColumn(), SqlIdentifier.of("contacts"), null), 100, 10, 0);

        List<ProfileEvent> rows = rows(readAll(new BackfillSplitReader(noCountry, BackfillThrottle.perSecond(0)),
                IdRangeSplit.unread("split-0", 0, 6)), 2);

        assertThat(rows).extracting(row -> row.country).containsOnlyNulls();
        assertThat(rows).extracting(row -> row.profileId).containsExactly(3L, 6L);
    }

    @Test
    void sessionBetweenPagesIsIdleNotIdleInTransactionAndClosesWithTheLastSplit() throws Exception {
        awaitNoBackfillSession();
        BackfillSplitReader reader = reader(100, BackfillThrottle.perSecond(0));
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(IdRangeSplit.unread("split-0", 0, 900))));

        reader.fetch();
        List<String> statesBetweenPages = sessionStates();
        while (!reader.fetch().finishedSplits().contains("split-0")) {
            assertThat(sessionStates()).doesNotContain("idle in transaction");
        }

        assertThat(statesBetweenPages).containsExactly("idle");
        assertThat(reader.hasOpenSession()).isFalse();
        awaitNoBackfillSession();
    }

    @Test
    void sessionsRunWithAutocommitATimeoutAndTheBackfillName() throws Exception {
        try (Connection connection = BackfillConnections.open(database.endpoint());
                Statement statement = connection.createStatement()) {
            assertThat(connection.getAutoCommit()).isTrue();
            assertThat(show(statement, "application_name")).isEqualTo("contactsync-backfill");
            assertThat(show(statement, "statement_timeout")).isEqualTo("2min");
            assertThat(show(statement, "idle_in_transaction_session_timeout")).isEqualTo("1min");
        }
    }

    // ---- fixtures ----

    private static BackfillSplitReader reader(int pageRows, BackfillThrottle throttle) {
        return new BackfillSplitReader(database.settings(TABLE, 100_000, pageRows, 0), throttle);
    }

    /** Fetches until the split is finished; one list per fetch. */
    private static List<List<ProfileEvent>> readAll(BackfillSplitReader reader, IdRangeSplit split) throws Exception {
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(split)));
        List<List<ProfileEvent>> fetches = new ArrayList<>();
        try (reader) {
            while (fetches.size() < 10_000) {
                RecordsWithSplitIds<ProfileEvent> records = reader.fetch();
                List<ProfileEvent> fetch = new ArrayList<>();
                while (records.nextSplit() != null) {
                    for (ProfileEvent row = records.nextRecordFromSplit(); row != null; row = records.nextRecordFromSplit()) {
                        fetch.add(row);
                    }
                }
                fetches.add(fetch);
                if (records.finishedSplits().contains(split.splitId())) {
                    return fetches;
                }
            }
        }
        return fail("split " + split + " never finished");
    }

    private static List<Long> ids(List<List<ProfileEvent>> fetches) {
        return fetches.stream().flatMap(List::stream).map(row -> row.profileId).toList();
    }

    private static List<ProfileEvent> rows(List<List<ProfileEvent>> fetches, int expectedRows) {
        List<ProfileEvent> rows = fetches.stream().flatMap(List::stream).toList();
        assertThat(rows).hasSize(expectedRows);
        return rows;
    }

    private static List<String> sessionStates() throws Exception {
        List<String> states = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
                ResultSet rows = statement.executeQuery("SELECT state FROM pg_stat_activity WHERE application_name = '"
                        + BackfillConnections.APPLICATION_NAME + "'")) {
            while (rows.next()) {
                states.add(rows.getString(1));
            }
        }
        return states;
    }

    private static void awaitNoBackfillSession() throws Exception {
        long deadline = System.nanoTime() + 5_000_000_000L;
        while (database.count(OPEN_SESSIONS) > 0) {
            if (System.nanoTime() > deadline) {
                fail("a backfill session stayed open after its reader ran out of splits");
            }
            Thread.sleep(20);
        }
    }

    private static String show(Statement statement, String setting) throws Exception {
        try (ResultSet rows = statement.executeQuery("SHOW " + setting)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
