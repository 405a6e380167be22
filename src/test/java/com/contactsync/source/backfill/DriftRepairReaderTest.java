package com.contactsync.source.backfill;

import com.contactsync.source.ProfileEvent;

import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** A re-snapshot of ids says "absent" for what the target holds and the source does not; nothing else does. */
class DriftRepairReaderTest {

    private static final String TABLE = "drift_profile";
    private static BackfillTestDatabase database;

    @BeforeAll
    static void createTables() throws Exception {
        database = BackfillTestDatabase.get();
        // Source: 1..10 and 12..20. Target: rows of 11 (deleted in the source), 15 (present) and 25 (beyond the source's rows).
        database.createProfileTable(TABLE, "SELECT generate_series(1, 10) UNION ALL SELECT generate_series(12, 20)");
        database.execute(
                "CREATE TABLE IF NOT EXISTS profile_email (profile_id bigint, email text)",
                "CREATE TABLE IF NOT EXISTS profile_phone (profile_id bigint, phone text)",
                "CREATE TABLE IF NOT EXISTS contact_quality_issue (profile_id bigint, code text)",
                "DELETE FROM profile_email WHERE profile_id BETWEEN 1 AND 30",
                "DELETE FROM profile_phone WHERE profile_id BETWEEN 1 AND 30",
                "DELETE FROM contact_quality_issue WHERE profile_id BETWEEN 1 AND 30",
                "INSERT INTO profile_email VALUES (11, 'gone@example.com'), (15, 'p15@example.org')",
                "INSERT INTO profile_phone VALUES (11, '+1')",
                "INSERT INTO contact_quality_issue VALUES (25, 'EMAIL_INVALID')");
    }

    @Test
    void resnapshotOfIdsEmitsAbsentRowsInIdOrderUnderThePagesSnapshot() throws Exception {
        List<ProfileEvent> rows = read(IdRangeSplit.unread("r5-split-0", 0, 30, 5, null));

        assertThat(rows).extracting(row -> row.profileId)
                .containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L, 25L);
        assertThat(rows).filteredOn(row -> row.absent).extracting(row -> row.profileId).containsExactly(11L, 25L);
        assertThat(rows).allSatisfy(row -> assertThat(row.readSnapshot()).isNotNull());
    }

    @Test
    void initialBackfillAndPredicateResnapshotsEmitNoAbsentRows() throws Exception {
        assertThat(read(IdRangeSplit.unread("split-0", 0, 30))).noneMatch(row -> row.absent).hasSize(19);
        assertThat(read(IdRangeSplit.unread("r6-split-0", 0, 30, 6, "id > 0"))).noneMatch(row -> row.absent).hasSize(19);
    }

    private static List<ProfileEvent> read(IdRangeSplit split) throws Exception {
        BackfillSplitReader reader = new BackfillSplitReader(database.settings(TABLE, 100, 4, 0), BackfillThrottle.perSecond(0),
                database.endpoint());
        reader.handleSplitsChanges(new SplitsAddition<>(List.of(split)));
        List<ProfileEvent> rows = new ArrayList<>();
        try (reader) {
            for (int fetches = 0; fetches < 100; fetches++) {
                RecordsWithSplitIds<ProfileEvent> records = reader.fetch();
                while (records.nextSplit() != null) {
                    for (ProfileEvent row = records.nextRecordFromSplit(); row != null; row = records.nextRecordFromSplit()) {
                        rows.add(row);
                    }
                }
                if (records.finishedSplits().contains(split.splitId())) {
                    return rows;
                }
            }
        }
        throw new AssertionError("split never finished");
    }
}
