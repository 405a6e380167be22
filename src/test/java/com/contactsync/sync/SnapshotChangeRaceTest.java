package com.contactsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.sink.ProfileWrite;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/**
 * The race between the backfill and the change topic, exhaustively: for every sequence of change
 * events of one profile (upserts, deletes, other-column updates whose contacts are an unchanged
 * TOAST placeholder), a backfill row read at every possible moment and arriving at every possible
 * place in the sequence, the profile's rows end at its latest after-image.
 */
class SnapshotChangeRaceTest {

    private static final ContactNormalizer NORMALIZER = new ContactNormalizer(NormalizerSettings.defaults());
    private static final long ID = 42;
    private static final String INITIAL = "{\"emails\":[\"initial@example.com\"]}";
    private static final String[] VALUES = {"{\"emails\":[\"a@example.com\"]}", "{\"emails\":[\"b@example.com\"],\"phones\":[\"+16502530000\"]}"};

    /** One change of the profile in the source, in commit order. */
    private enum Change { UPSERT_A, UPSERT_B, DELETE, OTHER_COLUMNS }

    @Test
    void everyInterleavingOfABackfillRowAndChangeEventsEndsAtTheLatestAfterImage() throws Exception {
        int cases = 0;
        for (List<Change> changes : sequences(4)) {
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
        for (List<Change> changes : sequences(3)) {
            List<Change> twice = new ArrayList<>(changes);
            twice.addAll(changes);
            assertThat(finalRows(twice, null, 0)).isEqualTo(finalRows(changes, null, 0));
        }
    }

    /** The source row after the first {@code k} changes; null when it does not exist. */
    private static String imageAfter(List<Change> changes, int k) {
        String image = INITIAL;
        for (Change change : changes.subList(0, k)) {
            switch (change) {
                case UPSERT_A -> image = VALUES[0];
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
            long position = 0;
            for (int i = 0; i <= changes.size(); i++) {
                if (i == snapshotAt && snapshot != null) {
                    harness.processElement(new StreamRecord<>(ProfileEvent.snapshot(ID, snapshot, null)));
                }
                if (i < changes.size()) {
                    harness.processElement(new StreamRecord<>(event(changes.get(i), ++position)));
                }
            }
            List<ProfileWrite> writes = harness.extractOutputValues();
            return writes.isEmpty() ? ProfileWrite.removal(ID) : writes.get(writes.size() - 1);
        }
    }

    private static ProfileEvent event(Change change, long position) {
        return switch (change) {
            case UPSERT_A -> ProfileEvent.upsert(ID, VALUES[0], null, position);
            case UPSERT_B -> ProfileEvent.upsert(ID, VALUES[1], null, position);
            case DELETE -> ProfileEvent.delete(ID, position);
            case OTHER_COLUMNS -> {
                ProfileEvent e = ProfileEvent.upsert(ID, null, null, position);
                e.contactsUnchanged = true;
                yield e;
            }
        };
    }

    private static ProfileWrite expectedRows(String image) {
        return image == null ? ProfileWrite.removal(ID) : ProfileWrite.of(ID, NORMALIZER.normalize(image, null));
    }

    private static List<List<Change>> sequences(int maxLength) {
        List<List<Change>> all = new ArrayList<>();
        all.add(List.of());
        for (int length = 1; length <= maxLength; length++) {
            List<List<Change>> next = new ArrayList<>();
            for (List<Change> prefix : all) {
                if (prefix.size() == length - 1) {
                    for (Change change : Change.values()) {
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
