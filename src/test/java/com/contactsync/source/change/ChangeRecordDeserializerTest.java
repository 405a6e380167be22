package com.contactsync.source.change;

import static com.contactsync.source.change.DebeziumFixtures.CREATE;
import static com.contactsync.source.change.DebeziumFixtures.KEY;
import static com.contactsync.source.change.DebeziumFixtures.LSN;
import static com.contactsync.source.change.DebeziumFixtures.TOPIC;
import static com.contactsync.source.change.DebeziumFixtures.UPDATE_UNAVAILABLE;
import static com.contactsync.source.change.DebeziumFixtures.bytes;
import static com.contactsync.source.change.DebeziumFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.deadletter.DeadLetter;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.functions.util.ListCollector;
import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.java.typeutils.PojoTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.util.InstantiationUtil;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

/** The Kafka deserializer: records in, change records out, of a POJO type that needs no Kryo. */
class ChangeRecordDeserializerTest {

    private final ChangeRecordDeserializer deserializer = new ChangeRecordDeserializer(settings());

    @Test
    void producedTypeIsAPojoWithoutGenericFields() throws Exception {
        TypeInformation<ChangeRecord> type = deserializer.getProducedType();
        assertThat(type).isInstanceOf(PojoTypeInfo.class);
        assertThat(TypeInformation.of(DeadLetter.class)).isInstanceOf(PojoTypeInfo.class);

        SerializerConfigImpl noGenericTypes = new SerializerConfigImpl();
        noGenericTypes.setGenericTypes(false);
        // Throws if any field, however deep, would need Kryo.
        TypeSerializer<ChangeRecord> serializer = type.createSerializer(noGenericTypes);

        ProfileEvent unchanged = ProfileEvent.upsert(5, null, "DE");
        unchanged.contactsUnchanged = true;
        for (ChangeRecord record : List.of(
                ChangeRecord.profile(ProfileEvent.upsert(5, "{\"emails\":[]}", "DE")),
                ChangeRecord.profile(unchanged),
                ChangeRecord.profile(ProfileEvent.delete(6).inTransaction(4_294_967_295L)),
                ChangeRecord.profile(ProfileEvent.snapshot(7, "[]", null, com.contactsync.source.PgSnapshot.parse("4294967290:4294967300:4294967291,4294967299"))),
                ChangeRecord.profile(ProfileEvent.absent(8, com.contactsync.source.PgSnapshot.parse("10:10:"))),
                ChangeRecord.marker("m-1"),
                ChangeRecord.deadLetter(DeadLetter.of(TOPIC, 1, 2, "unknown op", new byte[] {0, -1, 7}, 1_000)),
                ChangeRecord.deadLetter(DeadLetter.of(TOPIC, 1, 3, "unknown op", null, 1_000)))) {
            assertThat(roundTrip(serializer, record)).isEqualTo(record);
        }
    }

    @Test
    void deserializerIsSerializableAndParsesConsumerRecords() throws Exception {
        ChangeRecordDeserializer copy = InstantiationUtil.clone(deserializer);
        List<ChangeRecord> out = new ArrayList<>();
        ListCollector<ChangeRecord> collector = new ListCollector<>(out);

        copy.deserialize(new ConsumerRecord<>(TOPIC, 2, 100, bytes(KEY), bytes(CREATE)), collector);
        copy.deserialize(new ConsumerRecord<>(TOPIC, 2, 101, bytes(KEY), null), collector);
        copy.deserialize(new ConsumerRecord<>(TOPIC, 2, 102, bytes(KEY), bytes(UPDATE_UNAVAILABLE)), collector);
        copy.deserialize(new ConsumerRecord<>(TOPIC, 2, 103, bytes(KEY), bytes("[]")), collector);

        assertThat(out).extracting(r -> r.kind)
                .containsExactly(ChangeRecord.Kind.PROFILE, ChangeRecord.Kind.PROFILE, ChangeRecord.Kind.DEAD_LETTER);
        assertThat(out.get(0).event).isEqualTo(ProfileEvent.upsert(5, DebeziumFixtures.CONTACTS, "DE").inTransaction(DebeziumFixtures.TX_ID));
        assertThat(out.get(1).event.contactsUnchanged).isTrue();
        DeadLetter letter = out.get(2).deadLetter;
        assertThat(letter.topic).isEqualTo(TOPIC);
        assertThat(letter.partition).isEqualTo(2);
        assertThat(letter.offset).isEqualTo(103);
    }

    private static ChangeRecord roundTrip(TypeSerializer<ChangeRecord> serializer, ChangeRecord record) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        serializer.serialize(record, out);
        return serializer.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
    }
}
