package com.contactsync.source.change;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.deadletter.DeadLetter;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.jobgraph.OperatorID;
import org.apache.flink.runtime.metrics.groups.InternalOperatorMetricGroup;
import org.apache.flink.runtime.metrics.groups.UnregisteredMetricGroups;
import org.apache.flink.runtime.metrics.util.InterceptingOperatorMetricGroup;
import org.apache.flink.runtime.operators.testutils.MockEnvironment;
import org.apache.flink.runtime.operators.testutils.MockEnvironmentBuilder;
import org.apache.flink.streaming.api.operators.ProcessOperator;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.apache.flink.streaming.util.OneInputStreamOperatorTestHarness;
import org.apache.flink.util.OutputTag;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.stream.Collectors;

/** Profile events go to the main output, markers and dead letters to their side outputs, all counted. */
class ChangeRoutingTest {

    private static final ProfileEvent UPSERT = ProfileEvent.upsert(5, "[]", "DE");
    private static final ProfileEvent DELETE = ProfileEvent.delete(6);
    private static final DeadLetter LETTER = DeadLetter.of("t", 0, 7, "unknown op", new byte[] {1, 2}, 1_000);

    @Test
    void eachKindGoesToItsOutputAndIsCounted() throws Exception {
        InterceptingOperatorMetricGroup metrics = new InterceptingOperatorMetricGroup();
        OneInputStreamOperatorTestHarness<ChangeRecord, ProfileEvent> harness = harness(metrics);
        try {
            harness.open();
            harness.processElement(ChangeRecord.profile(UPSERT), 0);
            harness.processElement(ChangeRecord.marker("m-1"), 0);
            harness.processElement(ChangeRecord.deadLetter(LETTER), 0);
            harness.processElement(ChangeRecord.profile(DELETE), 0);

            assertThat(harness.extractOutputValues()).containsExactly(UPSERT, DELETE);
            assertThat(values(harness, ChangeRouting.DEAD_LETTERS)).containsExactly(LETTER);
        } finally {
            harness.close();
        }
        assertThat(count(metrics, "changeEvents")).isEqualTo(2);
        assertThat(count(metrics, "markers")).isEqualTo(1);
        assertThat(count(metrics, "deadLetters")).isEqualTo(1);
    }

    private static OneInputStreamOperatorTestHarness<ChangeRecord, ProfileEvent> harness(InterceptingOperatorMetricGroup metrics)
            throws Exception {
        MockEnvironment environment = new MockEnvironmentBuilder()
                .setMetricGroup(new UnregisteredMetricGroups.UnregisteredTaskMetricGroup() {
                    @Override
                    public InternalOperatorMetricGroup getOrAddOperator(OperatorID id, String name) {
                        return metrics;
                    }
                })
                .build();
        return new OneInputStreamOperatorTestHarness<>(new ProcessOperator<>(new ChangeRouting()), environment);
    }

    private static <T> List<T> values(OneInputStreamOperatorTestHarness<ChangeRecord, ProfileEvent> harness,
            OutputTag<T> tag) {
        return harness.getSideOutput(tag).stream().map(StreamRecord::getValue).collect(Collectors.toList());
    }

    private static long count(InterceptingOperatorMetricGroup metrics, String name) {
        return ((Counter) metrics.get(name)).getCount();
    }
}
