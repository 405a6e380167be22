package com.contactsync.source.change;

import com.contactsync.deadletter.DeadLetter;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;

/**
 * Splits parsed change records: profile events to the main output, dead letters to a side output;
 * coverage markers have done their work by arriving (TopicCoverage reads them from the topic
 * itself) and are only counted.
 */
public class ChangeRouting extends ProcessFunction<ChangeRecord, ProfileEvent> {

    private static final long serialVersionUID = 1L;

    public static final OutputTag<DeadLetter> DEAD_LETTERS =
            new OutputTag<>("dead-letters", TypeInformation.of(DeadLetter.class));

    private transient Counter changeEvents;
    private transient Counter deadLetters;
    private transient Counter markers;

    @Override
    public void open(OpenContext openContext) {
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        changeEvents = metrics.counter("changeEvents");
        deadLetters = metrics.counter("deadLetters");
        markers = metrics.counter("markers");
    }

    @Override
    public void processElement(ChangeRecord record, Context ctx, Collector<ProfileEvent> out) {
        switch (record.kind) {
            case PROFILE:
                changeEvents.inc();
                out.collect(record.event);
                break;
            case MARKER:
                markers.inc();
                break;
            case DEAD_LETTER:
                deadLetters.inc();
                ctx.output(DEAD_LETTERS, record.deadLetter);
                break;
            default:
                throw new IllegalStateException("unknown change record kind " + record.kind);
        }
    }
}
