package com.contactsync.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

/** What the keyed state costs per profile, as the README states it (the value only; the backend adds its key and overhead). */
class ProfileSyncStateSizeTest {

    @Test
    void aProfileChangedThroughTheTopicCostsWhatTheReadmeSays() throws Exception {
        ProfileSyncState state = new ProfileSyncState();
        state.written = true;
        state.changeApplied = true;
        state.writtenFingerprint = 0x1234_5678_9abc_def0L;
        state.lastChangeTxId = 123_456_789L;
        state.countryKnown = true;
        state.country = "DE";

        // Flink's POJO serializer: 1 flags byte, a null marker before every field; the three fields
        // of the first build were 14 bytes, txId + country add 12 (+ the country's length and characters).
        assertThat(bytes(state)).isEqualTo(29);
        state.country = null;
        assertThat(bytes(state)).isEqualTo(26);
        assertThat(bytes(new ProfileSyncState())).isEqualTo(26);
    }

    private static int bytes(ProfileSyncState state) throws Exception {
        assertThat(org.apache.flink.api.common.typeinfo.TypeInformation.of(ProfileSyncState.class)).isInstanceOf(PojoTypeInfo.class);
        TypeSerializer<ProfileSyncState> serializer = org.apache.flink.api.common.typeinfo.TypeInformation.of(ProfileSyncState.class)
                .createSerializer(new SerializerConfigImpl());
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(state, out);
        return out.length();
    }
}
