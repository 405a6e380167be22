package com.contactsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.sink.ProfileWrite;
import com.contactsync.source.PgSnapshot;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The race between snapshot reads and the change topic, exhaustively: for every sequence of change
 * events of one profile (upserts, deletes, other-column updates whose contacts are an unchanged
 * TOAST placeholder, upserts without a txId), snapshot rows read at every possible moment and
 * arriving at every possible place in the sequence, the profile's rows end at its latest after-image.
 *
 * <p>The multi-read test simulates the PostgreSQL history too: each change's transaction gets its
 * xid when it starts (possibly long before it commits, so xids are not in commit order), an
 * unrelated transaction may stay in progress throughout, xids cross a 32-bit wraparound, and each
 * snapshot row carries the snapshot ({@code xmin:xmax:xip}) a statement would really have had at
 * its moment. A read that finds no row emits an "absent" row (drift repair).
 */
class SnapshotChangeRaceTest {

    private static final ContactNormalizer NORMALIZER = new ContactNormalizer(NormalizerSettings.defaults());
    private static final long ID = 42;
    private static final String INITIAL = "{\"emails\":[\"initial@example.com\"]}";
    private static final String[] VALUES = {"{\"emails\":[\"a@example.com\"]}", "{\"emails\":[\"b@example.com\"],\"phones\":[\"+16502530000\"]}"};

    /** One change of the profile in the source, in commit order. */
    private enum Change { UPSERT_A, UPSERT_B, DELETE, OTHER_COLUMNS, UPSERT_A_WITHOUT_TXID }

    /** Rows without a snapshot lose to any applied change, so txIds do not matter there. */
    private static final Change[] LEGACY_CHANGES = {Change.UPSERT_A, Change.UPSERT_B, Change.DELETE, Change.OTHER_COLUMNS};

    @Test
    void everyInterleavingOfABackfillRowAndChangeEventsEndsAtTheLatestAfterImage() throws Exception {
        int cases = 0;
        for (List<Change> changes : sequences(4, LEGACY_CHANGES)) {
            for (int readAfter = 0; readAfter <= changes.size(); readAfter++) {
                String snapshot = imageAfter(changes, readAfter);
                for (int arrivesAt = 0; arrivesAt <= changes.size(); arrivesAt++) {
                    assertThat(finalRows(changes, snapshot, arrivesAt))
                            .as("changes %s, row read after %d, arriving at %d", changes, readAfter, arrivesAt)
                            .isEqualTo(expectedRows(imageAfter(changes, changes.size())));
                    cases++;
                }
            }
        }
        assertThat(cases).isGreaterThan(2_000);
    }

    @Test
    void replayedChangeEventsChangeNothing() throws Exception {
        for (List<Change> changes : sequences(3, LEGACY_CHANGES)) {
            List<Change> twice = new ArrayList<>(changes);
            twice.addAll(changes);
            assertThat(finalRows(twice, null, 0)).isEqualTo(finalRows(changes, null, 0));
        }
    }

    @Test
    void severalSnapshotReadsAtDifferentMomentsWinExactlyOverWhatTheySaw() throws Exception {
        long cases = runHistories(3, 2) + runHistories(2, 3);
        assertThat(cases).isGreaterThan(600_000);
    }

    /**
     * Every history of up to {@code maxChanges} changes × every start order of their transactions ×
     * with or without an unrelated open transaction × {@code reads} snapshot reads at every moment ×
     * every interleaving of those rows with the change events; one harness, one key per case.
     */
    private static long runHistories(int maxChanges, int reads) throws Exception {
        long cases = 0;
        try (KeyedOneInputStreamOperatorTestHarness<Long, ProfileEvent, ProfileWrite> harness = harness()) {
            harness.open();
            long key = 0;
            for (List<Change> changes : sequences(maxChanges, Change.values())) {
                int n = changes.size();
                long firstKey = key + 1;
                List<String> described = new ArrayList<>();
                for (int[] starts : startSchedules(n)) {
                    for (boolean openTransaction : new boolean[] {false, true}) {
                        History history = new History(starts, openTransaction);
                        for (int[] moments : tuples(reads, n + 1)) {
                            for (int[] slots : interleavings(n, reads)) {
                                key++;
                                feed(harness, key, changes, history, moments, slots);
                                described.add("starts " + Arrays.toString(starts) + ", open tx " + openTransaction
                                        + ", reads after " + Arrays.toString(moments) + ", arriving at " + Arrays.toString(slots));
                                cases++;
                            }
                        }
                    }
                }
                Map<Long, ProfileWrite> last = new HashMap<>();
                for (ProfileWrite write : harness.extractOutputValues()) {
                    last.put(write.profileId, write);
                }
                harness.getOutput().clear();
                String image = imageAfter(changes, n);
                for (long k = firstKey; k <= key; k++) {
                    ProfileWrite finalRows = last.getOrDefault(k, ProfileWrite.removal(k));
                    assertThat(finalRows).as("changes %s, %s", changes, described.get((int) (k - firstKey)))
                            .isEqualTo(expectedRows(k, image));
                }
            }
        }
        return cases;
    }

    /** Feeds one case: change {@code i} goes at slot {@code i} of the merged order, read {@code r} where {@code slots} says. */
    private static void feed(KeyedOneInputStreamOperatorTestHarness<Long, ProfileEvent, ProfileWrite> harness, long key,
            List<Change> changes, History history, int[] moments, int[] slots) throws Exception {
        int n = changes.size();
        int reads = moments.length;
        int change = 0;
        for (int slot = 0; slot < n + reads; slot++) {
            int read = indexOf(slots, slot);
            ProfileEvent event;
            if (read >= 0) {
                String image = imageAfter(changes, moments[read]);
                PgSnapshot snapshot = history.snapshotAfter(moments[read]);
                event = image == null ? ProfileEvent.absent(key, snapshot) : ProfileEvent.snapshot(key, image, null, snapshot);
            } else {
                event = event(changes.get(change), key);
                if (changes.get(change) != Change.UPSERT_A_WITHOUT_TXID) {
                    event.inTransaction(history.xid32(change));
                }
                change++;
            }
            harness.processElement(new StreamRecord<>(event));
        }
    }

    /**
     * The transactions of one history: change {@code i} (0-based, commit order) starts after
     * {@code starts[i]} commits (so before its own commit) and gets the next xid then; optionally an
     * unrelated transaction holds the first xid and never commits. xids start just below a 32-bit
     * wraparound (skipping the low values PostgreSQL never assigns).
     */
    private static final class History {
        private static final long FIRST_XID = 5 * (1L << 32) - 3;
        private final long[] xids;
        private final int[] starts;
        private final long openXid;

        History(int[] starts, boolean openTransaction) {
            this.starts = starts;
            this.xids = new long[starts.length];
            long next = FIRST_XID;
            openXid = openTransaction ? next : 0;
            next = openTransaction ? skipReserved(next + 1) : next;
            for (int moment = 0; moment < starts.length; moment++) {
                for (int i = 0; i < starts.length; i++) {
                    if (starts[i] == moment) {
                        xids[i] = next;
                        next = skipReserved(next + 1);
                    }
                }
            }
        }

        long xid32(int change) {
            return xids[change] & 0xFFFF_FFFFL;
        }

        /** What pg_current_snapshot() returns after {@code k} commits. */
        PgSnapshot snapshotAfter(int k) {
            List<Long> inProgress = new ArrayList<>();
            long maxAssigned = FIRST_XID - 1;
            if (openXid != 0) {
                inProgress.add(openXid);
                maxAssigned = openXid;
            }
            for (int i = 0; i < xids.length; i++) {
                if (starts[i] <= k) {
                    maxAssigned = Math.max(maxAssigned, xids[i]);
                    if (i >= k) {
                        inProgress.add(xids[i]);
                    }
                }
            }
            long xmax = maxAssigned + 1;
            long xmin = inProgress.stream().mapToLong(Long::longValue).min().orElse(xmax);
            return new PgSnapshot(xmin, xmax, inProgress.stream().mapToLong(Long::longValue).toArray());
        }

        private static long skipReserved(long xid) {
            return (xid & 0xFFFF_FFFFL) < 3 ? xid | 3 : xid;
        }
    }

    /** Every start schedule: change {@code i} starts after some {@code s <= i} commits. */
    private static List<int[]> startSchedules(int n) {
        List<int[]> all = new ArrayList<>();
        all.add(new int[n]);
        for (int i = 0; i < n; i++) {
            List<int[]> next = new ArrayList<>();
            for (int[] schedule : all) {
                for (int s = 0; s <= i; s++) {
                    int[] copy = schedule.clone();
                    copy[i] = s;
                    next.add(copy);
                }
            }
            all = next;
        }
        return all;
    }

    /** Every tuple of {@code length} values in {@code 0..bound-1}. */
    private static List<int[]> tuples(int length, int bound) {
        List<int[]> all = new ArrayList<>();
        all.add(new int[length]);
        for (int i = 0; i < length; i++) {
            List<int[]> next = new ArrayList<>();
            for (int[] tuple : all) {
                for (int v = 0; v < bound; v++) {
                    int[] copy = tuple.clone();
                    copy[i] = v;
                    next.add(copy);
                }
            }
            all = next;
        }
        return all;
    }

    /** Every choice of distinct slots for {@code reads} rows among {@code changes + reads} places (reads distinguishable). */
    private static List<int[]> interleavings(int changes, int reads) {
        List<int[]> all = new ArrayList<>();
        for (int[] slots : tuples(reads, changes + reads)) {
            if (Arrays.stream(slots).distinct().count() == reads) {
                all.add(slots);
            }
        }
        return all;
    }

    private static int indexOf(int[] values, int value) {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == value) {
                return i;
            }
        }
        return -1;
    }

    private static KeyedOneInputStreamOperatorTestHarness<Long, ProfileEvent, ProfileWrite> harness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ProfileSyncFunction(NORMALIZER)), e -> e.profileId, Types.LONG);
    }

    /** The source row after the first {@code k} changes; null when it does not exist. */
    private static String imageAfter(List<Change> changes, int k) {
        String image = INITIAL;
        for (Change change : changes.subList(0, k)) {
            switch (change) {
                case UPSERT_A, UPSERT_A_WITHOUT_TXID -> image = VALUES[0];
                case UPSERT_B -> image = VALUES[1];
                case DELETE -> image = null;
                case OTHER_COLUMNS -> { /* contacts unchanged */ }
            }
        }
        return image;
    }

    /** What the tables hold after the operator saw the events: its last write, or nothing. */
    private static ProfileWrite finalRows(List<Change> changes, String snapshot, int snapshotAt) throws Exception {
        try (KeyedOneInputStreamOperatorTestHarness<Long, ProfileEvent, ProfileWrite> harness =
                new KeyedOneInputStreamOperatorTestHarness<>(
                        new KeyedProcessOperator<>(new ProfileSyncFunction(NORMALIZER)), e -> e.profileId, Types.LONG)) {
            harness.open();
            for (int i = 0; i <= changes.size(); i++) {
                if (i == snapshotAt && snapshot != null) {
                    harness.processElement(new StreamRecord<>(ProfileEvent.snapshot(ID, snapshot, null)));
                }
                if (i < changes.size()) {
                    harness.processElement(new StreamRecord<>(event(changes.get(i), ID)));
                }
            }
            List<ProfileWrite> writes = harness.extractOutputValues();
            return writes.isEmpty() ? ProfileWrite.removal(ID) : writes.get(writes.size() - 1);
        }
    }

    private static ProfileEvent event(Change change, long id) {
        return switch (change) {
            case UPSERT_A, UPSERT_A_WITHOUT_TXID -> ProfileEvent.upsert(id, VALUES[0], null);
            case UPSERT_B -> ProfileEvent.upsert(id, VALUES[1], null);
            case DELETE -> ProfileEvent.delete(id);
            case OTHER_COLUMNS -> {
                ProfileEvent e = ProfileEvent.upsert(id, null, null);
                e.contactsUnchanged = true;
                yield e;
            }
        };
    }

    private static ProfileWrite expectedRows(String image) {
        return expectedRows(ID, image);
    }

    private static ProfileWrite expectedRows(long id, String image) {
        return image == null ? ProfileWrite.removal(id) : ProfileWrite.of(id, NORMALIZER.normalize(image, null));
    }

    private static List<List<Change>> sequences(int maxLength, Change[] kinds) {
        List<List<Change>> all = new ArrayList<>();
        all.add(List.of());
        for (int length = 1; length <= maxLength; length++) {
            List<List<Change>> next = new ArrayList<>();
            for (List<Change> prefix : all) {
                if (prefix.size() == length - 1) {
                    for (Change change : kinds) {
                        List<Change> sequence = new ArrayList<>(prefix);
                        sequence.add(change);
                        next.add(sequence);
                    }
                }
            }
            all.addAll(next);
        }
        return all;
    }
}
