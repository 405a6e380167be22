package com.contactsync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.PhoneRow;
import com.contactsync.normalize.QualityCode;
import com.contactsync.normalize.QualityIssue;

import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.List;

/** The batcher never holds a write across a checkpoint barrier and keeps only a profile's newest write. */
class ProfileWriteBatcherTest {

    private OneInputStreamOperatorTestHarness<ProfileWrite, ProfileWriteBatch> harness;

    @BeforeEach
    void open() throws Exception {
        harness = new OneInputStreamOperatorTestHarness<>(new ProfileWriteBatcher(3, 1_000_000));
        harness.open();
    }

    @AfterEach
    void close() throws Exception {
        harness.close();
    }

    @Test
    void emitsABatchWhenItIsFull() throws Exception {
        write(1, "a");
        write(2, "b");
        assertThat(batches()).isEmpty();
        write(3, "c");
        assertThat(batches()).extracting(b -> b.profiles).containsExactly(3);
    }

    @Test
    void emitsEverythingBeforeTheCheckpointBarrier() throws Exception {
        write(1, "a");
        harness.prepareSnapshotPreBarrier(1);
        assertThat(batches()).singleElement().satisfies(b -> assertThat(b.profileIds).containsExactly(1L));
    }

    @Test
    void keepsOnlyTheNewestWriteOfAProfile() throws Exception {
        write(1, "old");
        write(1, "new");
        harness.prepareSnapshotPreBarrier(1);
        ProfileWriteBatch batch = batches().get(0);
        assertThat(batch.profiles).isEqualTo(1);
        assertThat(batch.emailRaws).containsExactly("new");
    }

    @Test
    void emitsTheRestAtTheEndOfInput() throws Exception {
        write(1, "a");
        harness.endInput();
        assertThat(batches()).hasSize(1);
    }

    @Test
    void batchHoldsOneArrayPerColumnWithEveryRowsProfileId() {
        ProfileWrite first = new ProfileWrite(5,
                List.of(new EmailRow("a@x.io", "A@x.io", "x.io", null, true, 0), new EmailRow("b@x.io", "b@x.io", "x.io", "work", true, 1)),
                List.of(new PhoneRow("+14155550100", "12", "415-555-0100 x12", "US", null, true, 0)),
                List.of(new QualityIssue("email", 0, QualityCode.EMAIL_CASE, "A@x.io", "a@x.io", null),
                        new QualityIssue("phone", 0, QualityCode.PHONE_REFORMATTED, "415-555-0100 x12", "+14155550100;ext=12", null)));
        ProfileWrite second = ProfileWrite.removal(6);

        ProfileWriteBatch batch = ProfileWriteBatch.of(List.of(first, second));

        assertThat(batch.profiles).isEqualTo(2);
        assertThat(batch.profileIds).containsExactly(5L, 6L);
        assertThat(batch.emailProfileIds).containsExactly(5L, 5L);
        assertThat(batch.emails).containsExactly("a@x.io", "b@x.io");
        assertThat(batch.emailRaws).containsExactly("A@x.io", "b@x.io");
        assertThat(batch.emailTypes).containsExactly(null, "work");
        assertThat(batch.emailPositions).containsExactly(0, 1);
        assertThat(batch.phoneProfileIds).containsExactly(5L);
        assertThat(batch.phoneExtensions).containsExactly("12");
        assertThat(batch.issueProfileIds).containsExactly(5L, 5L);
        assertThat(batch.issueNos).containsExactly(0, 1);
        assertThat(batch.issueCodes).containsExactly("EMAIL_CASE", "PHONE_REFORMATTED");
        assertThat(batch.issueNormalizedValues).containsExactly("a@x.io", "+14155550100;ext=12");
    }

    private void write(long id, String marker) throws Exception {
        harness.processElement(new StreamRecord<>(new ProfileWrite(id,
                List.of(new EmailRow("a@x.io", marker, "x.io", null, true, 0)), List.of(), List.of())));
    }

    private List<ProfileWriteBatch> batches() {
        return harness.extractOutputValues();
    }
}
