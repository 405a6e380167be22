package com.contactsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.QualityCode;
import com.contactsync.normalize.QualityIssue;
import com.contactsync.sink.ProfileWrite;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

/** The keyed decisions of the sync operator, through Flink's operator test harness. */
class ProfileSyncFunctionTest {

    private static final ContactNormalizer NORMALIZER = new ContactNormalizer(NormalizerSettings.defaults());
    private static final String ALICE = "{\"emails\":[\"alice@example.com\"],\"phones\":[\"+1 415 555 0100\"]}";
    private static final String ALICE_NEW = "{\"emails\":[\"alice@new.example.com\"]}";

    private KeyedOneInputStreamOperatorTestHarness<Long, ProfileEvent, ProfileWrite> harness;

    @BeforeEach
    void open() throws Exception {
        harness = newHarness();
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void snapshotRowBecomesTheProfilesCompleteRows() throws Exception {
        process(ProfileEvent.snapshot(1, ALICE, null));
        assertThat(writes()).containsExactly(expected(1, ALICE));
    }

    @Test
    void repeatedChangeIsANoOp() throws Exception {
        process(ProfileEvent.upsert(1, ALICE, null, 10));
        process(ProfileEvent.upsert(1, ALICE, null, 11));
        assertThat(writes()).hasSize(1);
    }

    @Test
    void backfilledProfileKeepsNoStateUntilItChanges() throws Exception {
        process(ProfileEvent.snapshot(1, ALICE, null));
        assertThat(harness.numKeyedStateEntries()).as("state after a backfill row").isZero();

        process(ProfileEvent.snapshot(1, ALICE, null)); // a replayed split: the write is idempotent at the sink
        process(ProfileEvent.upsert(1, ALICE_NEW, null, 10));
        process(ProfileEvent.upsert(1, ALICE_NEW, null, 11));
        assertThat(writes()).containsExactly(expected(1, ALICE), expected(1, ALICE), expected(1, ALICE_NEW));
        assertThat(harness.numKeyedStateEntries()).as("state after a change").isEqualTo(1);
    }

    @Test
    void snapshotRowNeverOverwritesAnAppliedChange() throws Exception {
        process(ProfileEvent.upsert(1, ALICE_NEW, null, 10));
        process(ProfileEvent.snapshot(1, ALICE, null));
        assertThat(writes()).containsExactly(expected(1, ALICE_NEW));
    }

    @Test
    void snapshotRowAfterADeleteDoesNotResurrectTheProfile() throws Exception {
        process(ProfileEvent.delete(1, 10));
        process(ProfileEvent.snapshot(1, ALICE, null));
        assertThat(writes()).containsExactly(ProfileWrite.removal(1));
    }

    @Test
    void deleteRemovesEveryRowOfTheProfile() throws Exception {
        process(ProfileEvent.snapshot(1, ALICE, null));
        process(ProfileEvent.delete(1, 10));
        assertThat(writes()).containsExactly(expected(1, ALICE), ProfileWrite.removal(1));
    }

    @Test
    void unchangedToastedContactsWriteNothingAndDoNotCountAsAChange() throws Exception {
        ProfileEvent otherColumnsOnly = ProfileEvent.upsert(1, null, null, 10);
        otherColumnsOnly.contactsUnchanged = true;
        process(otherColumnsOnly);
        process(ProfileEvent.snapshot(1, ALICE, null));
        assertThat(writes()).containsExactly(expected(1, ALICE));
    }

    @Test
    void profilesAreIndependent() throws Exception {
        process(ProfileEvent.upsert(1, ALICE_NEW, null, 10));
        process(ProfileEvent.snapshot(2, ALICE, null));
        assertThat(writes()).containsExactly(expected(1, ALICE_NEW), expected(2, ALICE));
    }

    @Test
    void malformedContactsAreWrittenAsIssuesNotDropped() throws Exception {
        process(ProfileEvent.snapshot(1, "{not json", null));
        List<ProfileWrite> writes = writes();
        assertThat(writes).hasSize(1);
        assertThat(writes.get(0).emails).isEmpty();
        assertThat(writes.get(0).issues).extracting(QualityIssue::code).containsExactly(QualityCode.CONTACTS_MALFORMED);
    }

    @Test
    void stateSurvivesASnapshotAndRestore() throws Exception {
        process(ProfileEvent.upsert(1, ALICE_NEW, null, 10));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        process(ProfileEvent.snapshot(1, ALICE, null)); // superseded: a change was applied
        process(ProfileEvent.upsert(1, ALICE_NEW, null, 11)); // same rows: no-op
        assertThat(writes()).isEmpty();
    }

    private static KeyedOneInputStreamOperatorTestHarness<Long, ProfileEvent, ProfileWrite> newHarness() throws Exception {
        return new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ProfileSyncFunction(NORMALIZER)), e -> e.profileId, Types.LONG);
    }

    private void process(ProfileEvent event) throws Exception {
        harness.processElement(new StreamRecord<>(event));
    }

    private List<ProfileWrite> writes() {
        return harness.extractOutputValues().stream().collect(Collectors.toList());
    }

    private static ProfileWrite expected(long id, String contacts) {
        return ProfileWrite.of(id, NORMALIZER.normalize(contacts, null));
    }
}
