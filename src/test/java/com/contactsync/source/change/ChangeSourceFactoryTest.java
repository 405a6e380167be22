package com.contactsync.source.change;

import static com.contactsync.source.change.DebeziumFixtures.settings;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.apache.flink.api.connector.source.Boundedness;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

import java.util.Map;

/** The change source's arguments are checked when it is built; the source itself is tested in ChangeSourceITCase. */
class ChangeSourceFactoryTest {

    @Test
    void buildsAnUnboundedSource() {
        GapCheckedSource<ChangeRecord> source = ChangeSourceFactory.create(
                "127.0.0.1:9092", "contactsync.public.profile", "contactsync", ChangeSourceFactory.earliest(), settings());
        assertThat(source.getBoundedness()).isEqualTo(Boundedness.CONTINUOUS_UNBOUNDED);
        assertThat(source.getProducedType()).isEqualTo(new ChangeRecordDeserializer(settings()).getProducedType());
    }

    @Test
    void missingSettingsAreRejectedWithTheirName() {
        assertThatThrownBy(() -> ChangeSourceFactory.create(" ", "t", "g", ChangeSourceFactory.earliest(), settings()))
                .hasMessageContaining("bootstrap servers");
        assertThatThrownBy(() -> ChangeSourceFactory.create("h:1", "", "g", ChangeSourceFactory.earliest(), settings()))
                .hasMessageContaining("change topic");
        assertThatThrownBy(() -> ChangeSourceFactory.create("h:1", "t", null, ChangeSourceFactory.earliest(), settings()))
                .hasMessageContaining("group id");
        assertThatThrownBy(() -> ChangeSourceFactory.create("h:1", "t", "g", null, settings()))
                .hasMessageContaining("starting offsets");
    }

    @Test
    void noRecordedOffsetsMeansEarliest() {
        assertThat(ChangeSourceFactory.startingAt(Map.of()).getAutoOffsetResetStrategy().toString())
                .isEqualToIgnoringCase("earliest");
    }

    @Test
    void theConsumerNeverResetsOffsetsOnItsOwn() {
        // KafkaSourceBuilder forces auto.offset.reset from this strategy: anything but none would skip a gap silently.
        assertThat(NoResetOffsets.of(ChangeSourceFactory.earliest()).getAutoOffsetResetStrategy()).isEqualTo(OffsetResetStrategy.NONE);
        assertThat(NoResetOffsets.of(ChangeSourceFactory.startingAt(Map.of(new TopicPartition("t", 0), 7L)))
                .getAutoOffsetResetStrategy()).isEqualTo(OffsetResetStrategy.NONE);
    }

    @Test
    void aMissingGapHandlerIsRejected() {
        assertThatThrownBy(() -> ChangeSourceFactory.create("h:1", "t", "g", ChangeSourceFactory.earliest(), settings(), null))
                .hasMessageContaining("gap handler");
    }
}
