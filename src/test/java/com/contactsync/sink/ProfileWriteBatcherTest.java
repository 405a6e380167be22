package com.contactsync.sink;

import static org.assertj.core.api.Assertions.assertThat;

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
        assertThat(batches()).singleElement().satisfies(b -> assertThat(b.profilesJson).contains("\"id\":1"));
    }

    @Test
    void keepsOnlyTheNewestWriteOfAProfile() throws Exception {
        write(1, "old");
        write(1, "new");
        harness.prepareSnapshotPreBarrier(1);
        ProfileWriteBatch batch = batches().get(0);
        assertThat(batch.profiles).isEqualTo(1);
        assertThat(batch.profilesJson).contains("new").doesNotContain("old");
    }

    @Test
    void emitsTheRestAtTheEndOfInput() throws Exception {
        write(1, "a");
        harness.endInput();
        assertThat(batches()).hasSize(1);
    }

    @Test
    void batchIsAJsonArrayOfTheProfilesLists() {
        ProfileWriteBatch batch = ProfileWriteBatch.of(List.of(new ProfileWrite(5, "[1]", "[2]", "[3]")));
        assertThat(batch.profilesJson).isEqualTo("[{\"id\":5,\"emails\":[1],\"phones\":[2],\"issues\":[3]}]");
    }

    private void write(long id, String marker) throws Exception {
        harness.processElement(new StreamRecord<>(new ProfileWrite(id, "[\"" + marker + "\"]", "[]", "[]")));
    }

    private List<ProfileWriteBatch> batches() {
        return harness.extractOutputValues();
    }
}
