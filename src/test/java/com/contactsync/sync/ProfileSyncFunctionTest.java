package com.contactsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.source.ProfileReselector;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.QualityCode;
import com.contactsync.normalize.QualityIssue;
import com.contactsync.sink.ProfileWrite;
import com.contactsync.source.PgSnapshot;
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
        process(ProfileEvent.upsert(1, ALICE, null));
        process(ProfileEvent.upsert(1, ALICE, null));
        assertThat(writes()).hasSize(1);
    }

    @Test
    void backfilledProfileKeepsNoStateUntilItChanges() throws Exception {
        process(ProfileEvent.snapshot(1, ALICE, null));
        assertThat(harness.numKeyedStateEntries()).as("state after a backfill row").isZero();

        process(ProfileEvent.snapshot(1, ALICE, null)); // a replayed split: the write is idempotent at the sink
        process(ProfileEvent.upsert(1, ALICE_NEW, null));
        process(ProfileEvent.upsert(1, ALICE_NEW, null));
        assertThat(writes()).containsExactly(expected(1, ALICE), expected(1, ALICE), expected(1, ALICE_NEW));
        assertThat(harness.numKeyedStateEntries()).as("state after a change").isEqualTo(1);
    }

    @Test
    void snapshotRowNeverOverwritesAnAppliedChange() throws Exception {
        process(ProfileEvent.upsert(1, ALICE_NEW, null));
        process(ProfileEvent.snapshot(1, ALICE, null));
        assertThat(writes()).containsExactly(expected(1, ALICE_NEW));
    }

    @Test
    void snapshotRowAfterADeleteDoesNotResurrectTheProfile() throws Exception {
        process(ProfileEvent.delete(1));
        process(ProfileEvent.snapshot(1, ALICE, null));
        assertThat(writes()).containsExactly(ProfileWrite.removal(1));
    }

    @Test
    void deleteRemovesEveryRowOfTheProfile() throws Exception {
        process(ProfileEvent.snapshot(1, ALICE, null));
        process(ProfileEvent.delete(1));
        assertThat(writes()).containsExactly(expected(1, ALICE), ProfileWrite.removal(1));
    }

    @Test
    void unchangedToastedContactsWriteNothingAndDoNotCountAsAChange() throws Exception {
        ProfileEvent otherColumnsOnly = ProfileEvent.upsert(1, null, null);
        otherColumnsOnly.contactsUnchanged = true;
        process(otherColumnsOnly);
        process(ProfileEvent.snapshot(1, ALICE, null));
        assertThat(writes()).containsExactly(expected(1, ALICE));
    }

    @Test
    void profilesAreIndependent() throws Exception {
        process(ProfileEvent.upsert(1, ALICE_NEW, null));
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
        process(ProfileEvent.upsert(1, ALICE_NEW, null));
        OperatorSubtaskState snapshot = harness.snapshot(1, 1);
        harness.close();

        harness = newHarness();
        harness.initializeState(snapshot);
        harness.open();
        process(ProfileEvent.snapshot(1, ALICE, null)); // superseded: a change was applied
        process(ProfileEvent.upsert(1, ALICE_NEW, null)); // same rows: no-op
        assertThat(writes()).isEmpty();
    }

    // ---- the snapshot rule: a snapshot row wins over every change it has seen, loses to every change it has not ----

    private static final PgSnapshot BEFORE_TX_100 = PgSnapshot.parse("100:100:");
    private static final PgSnapshot AFTER_TX_100 = PgSnapshot.parse("101:101:");
    private static final PgSnapshot TX_100_IN_PROGRESS = PgSnapshot.parse("90:105:90,100");

    @Test
    void snapshotRowThatSawTheLastChangeIsApplied() throws Exception {
        process(ProfileEvent.upsert(1, ALICE, null).inTransaction(100));
        process(ProfileEvent.snapshot(1, ALICE_NEW, null, AFTER_TX_100)); // e.g. repairs drift, or a later change still on its way
        assertThat(writes()).containsExactly(expected(1, ALICE), expected(1, ALICE_NEW));
    }

    @Test
    void snapshotRowThatDidNotSeeTheLastChangeLoses() throws Exception {
        process(ProfileEvent.upsert(1, ALICE_NEW, null).inTransaction(100));
        process(ProfileEvent.snapshot(1, ALICE, null, BEFORE_TX_100));
        process(ProfileEvent.snapshot(1, ALICE, null, TX_100_IN_PROGRESS));
        assertThat(writes()).containsExactly(expected(1, ALICE_NEW));
    }

    @Test
    void snapshotRowWithoutASnapshotLosesToAnyAppliedChange() throws Exception {
        process(ProfileEvent.upsert(1, ALICE_NEW, null).inTransaction(100));
        process(ProfileEvent.snapshot(1, ALICE, null));
        assertThat(writes()).containsExactly(expected(1, ALICE_NEW));
    }

    @Test
    void changeWithoutATxIdMakesEverySnapshotRowLoseUntilAKnownChange() throws Exception {
        process(ProfileEvent.upsert(1, ALICE_NEW, null)); // no source.txId
        process(ProfileEvent.snapshot(1, ALICE, null, AFTER_TX_100));
        process(ProfileEvent.upsert(1, ALICE_NEW, null).inTransaction(100));
        process(ProfileEvent.snapshot(1, ALICE, null, AFTER_TX_100));
        assertThat(writes()).containsExactly(expected(1, ALICE_NEW), expected(1, ALICE));
    }

    @Test
    void absentRowRemovesTheProfileOnlyIfItSawTheLastChange() throws Exception {
        process(ProfileEvent.upsert(1, ALICE, null).inTransaction(100));
        process(ProfileEvent.absent(1, BEFORE_TX_100)); // read before the insert committed: loses
        process(ProfileEvent.absent(1, AFTER_TX_100)); // the profile is gone in the source, the target kept it: repaired
        assertThat(writes()).containsExactly(expected(1, ALICE), ProfileWrite.removal(1));
    }

    @Test
    void snapshotRowThatDidNotSeeADeleteDoesNotResurrectTheProfile() throws Exception {
        process(ProfileEvent.delete(1).inTransaction(100));
        process(ProfileEvent.snapshot(1, ALICE, null, TX_100_IN_PROGRESS));
        assertThat(writes()).containsExactly(ProfileWrite.removal(1));
    }

    @Test
    void txIdsAreComparedAcrossTheWraparoundOf32BitXids() throws Exception {
        long epoch5 = 5L << 32;
        process(ProfileEvent.upsert(1, ALICE, null).inTransaction(0xFFFF_FFF0L)); // xid8 epoch 4, seen at epoch 5
        process(ProfileEvent.snapshot(1, ALICE_NEW, null, new PgSnapshot(epoch5 + 10, epoch5 + 20, new long[0])));
        process(ProfileEvent.upsert(1, ALICE, null).inTransaction(25)); // epoch 5, after the snapshot
        process(ProfileEvent.snapshot(1, ALICE_NEW, null, new PgSnapshot(epoch5 + 10, epoch5 + 20, new long[0])));
        assertThat(writes()).containsExactly(expected(1, ALICE), expected(1, ALICE_NEW), expected(1, ALICE));
    }

    @Test
    void stateOfAnOlderBuildWithAChangeAndNoTxIdIsConservative() throws Exception {
        ProfileSyncState old = new ProfileSyncState(); // as a v1 savepoint restores it: the new fields at their defaults
        old.changeApplied = true;
        old.written = true;
        assertThat(ProfileSyncFunction.snapshotWins(old, ProfileEvent.snapshot(1, ALICE, null, AFTER_TX_100))).isFalse();
        assertThat(old.countryKnown).as("an older state does not know the country").isFalse();
    }

    @Test
    void stateRemembersTheLastChangesTxIdAndCountry() throws Exception {
        process(ProfileEvent.upsert(1, ALICE, "DE").inTransaction(100));
        harness.getOperator().setCurrentKey(1L);
        ProfileSyncState state = harness.getOperator().getKeyedStateBackend()
                .getPartitionedState(org.apache.flink.runtime.state.VoidNamespace.INSTANCE,
                        org.apache.flink.runtime.state.VoidNamespaceSerializer.INSTANCE, ProfileSyncFunction.STATE)
                .value();
        assertThat(state.changeApplied).isTrue();
        assertThat(state.lastChangeTxId).isEqualTo(100);
        assertThat(state.countryKnown).isTrue();
        assertThat(state.country).isEqualTo("DE");
    }

    @Test
    void appliedSnapshotRowIsWrittenEvenWhenItEqualsTheLastWriteToRepairDrift() throws Exception {
        process(ProfileEvent.upsert(1, ALICE, null).inTransaction(100));
        process(ProfileEvent.snapshot(1, ALICE, null, AFTER_TX_100)); // the target may have drifted: write again
        process(ProfileEvent.upsert(1, ALICE, null).inTransaction(101)); // a repeated change still is a no-op
        assertThat(writes()).containsExactly(expected(1, ALICE), expected(1, ALICE));
    }

    // ---- reselect: unchanged TOASTed contacts, changed country ----

    @Test
    void toastedContactsWithAChangedCountryAreReadAgainAndAppliedUnderTheRule() throws Exception {
        FakeReselector source = new FakeReselector();
        reopenWith(source);
        String national = "{\"phones\":[\"030 1234567\"]}";
        process(ProfileEvent.upsert(1, national, "US").inTransaction(100));
        source.rows.put(1L, ProfileEvent.snapshot(1, national, "DE", PgSnapshot.parse("102:102:")));
        process(toasted(1, "DE", 101));
        process(toasted(1, "DE", 102)); // country as remembered: no second read
        assertThat(FakeReselector.READS.get()).isEqualTo(1);
        assertThat(writes()).containsExactly(expected(1, national, "US"), expected(1, national, "DE"));
    }

    @Test
    void toastedContactsWithTheSameCountryAreNotReadAgain() throws Exception {
        FakeReselector source = new FakeReselector();
        reopenWith(source);
        process(ProfileEvent.upsert(1, ALICE, "DE").inTransaction(100));
        process(toasted(1, "DE", 101));
        assertThat(FakeReselector.READS.get()).isZero();
        assertThat(writes()).containsExactly(expected(1, ALICE, "DE"));
    }

    @Test
    void toastedContactsOfAProfileWithoutStateAreReadOnceThenRemembered() throws Exception {
        FakeReselector source = new FakeReselector();
        reopenWith(source);
        process(ProfileEvent.snapshot(1, ALICE, "US", AFTER_TX_100)); // backfilled: no state
        source.rows.put(1L, ProfileEvent.snapshot(1, ALICE, "DE", PgSnapshot.parse("103:103:")));
        process(toasted(1, "DE", 101));
        process(toasted(1, "DE", 102));
        assertThat(FakeReselector.READS.get()).isEqualTo(1);
        assertThat(writes()).containsExactly(expected(1, ALICE, "US"), expected(1, ALICE, "DE"));
    }

    @Test
    void reselectedProfileThatIsGoneIsRemoved() throws Exception {
        FakeReselector source = new FakeReselector();
        reopenWith(source);
        process(ProfileEvent.upsert(1, ALICE, "US").inTransaction(100));
        source.rows.put(1L, ProfileEvent.absent(1, PgSnapshot.parse("103:103:"))); // deleted meanwhile; its event is on its way
        process(toasted(1, "DE", 101));
        process(ProfileEvent.delete(1).inTransaction(102));
        assertThat(writes()).containsExactly(expected(1, ALICE, "US"), ProfileWrite.removal(1));
    }

    @Test
    void reselectAlsoRepairsAProfileWhoseLastChangeHasNoTxId() throws Exception {
        FakeReselector source = new FakeReselector();
        reopenWith(source);
        String national = "{\"phones\":[\"030 1234567\"]}";
        process(ProfileEvent.upsert(1, national, "US")); // no txId (or state of an older build)
        source.rows.put(1L, ProfileEvent.snapshot(1, national, "DE", PgSnapshot.parse("103:103:")));
        process(toasted(1, "DE", 101));
        process(toasted(1, "DE", 102));
        assertThat(FakeReselector.READS.get()).isEqualTo(1);
        assertThat(writes()).containsExactly(expected(1, national, "US"), expected(1, national, "DE"));
    }

    private static ProfileEvent toasted(long id, String country, long txId) {
        ProfileEvent e = ProfileEvent.upsert(id, null, country).inTransaction(txId);
        e.contactsUnchanged = true;
        return e;
    }

    private void reopenWith(ProfileReselector reselector) throws Exception {
        harness.close();
        harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(new ProfileSyncFunction(NORMALIZER, reselector)), e -> e.profileId, Types.LONG);
        harness.open();
    }

    /** The source as a map; counts reads. Static state: the harness serializes the function. */
    private static final class FakeReselector implements ProfileReselector {
        private static final long serialVersionUID = 1L;
        static final java.util.Map<Long, ProfileEvent> ROWS = new java.util.concurrent.ConcurrentHashMap<>();
        static final java.util.concurrent.atomic.AtomicInteger READS = new java.util.concurrent.atomic.AtomicInteger();
        final java.util.Map<Long, ProfileEvent> rows = ROWS;

        FakeReselector() {
            ROWS.clear();
            READS.set(0);
        }

        @Override
        public ProfileEvent reselect(long profileId) {
            READS.incrementAndGet();
            return ROWS.get(profileId);
        }
    }

    private static ProfileWrite expected(long id, String contacts, String country) {
        return ProfileWrite.of(id, NORMALIZER.normalize(contacts, country));
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
