package com.contactsync.source.change;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;

import org.apache.kafka.clients.consumer.ConsumerRecord;

/** Deserializes the change topic's records with {@link ChangeEventParser}; never throws on bad input. */
public final class ChangeRecordDeserializer implements KafkaRecordDeserializationSchema<ChangeRecord> {

    private static final long serialVersionUID = 1L;

    private final ChangeEventParser parser;

    public ChangeRecordDeserializer(ChangeParserSettings settings) {
        this.parser = new ChangeEventParser(settings);
    }

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<ChangeRecord> out) {
        parser.parse(record.topic(), record.partition(), record.offset(), record.key(), record.value(), out::collect);
    }

    @Override
    public TypeInformation<ChangeRecord> getProducedType() {
        return TypeInformation.of(ChangeRecord.class);
    }
}
