package com.contactsync.source.change;

import org.apache.flink.api.connector.source.ReaderOutput;
import org.apache.flink.api.connector.source.SourceEvent;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.connector.kafka.source.split.KafkaPartitionSplit;
import org.apache.flink.core.io.InputStatus;
import org.apache.flink.util.FlinkRuntimeException;

import org.apache.kafka.common.TopicPartition;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;

/**
 * The Kafka source reader, checking every split it is given (restored from a checkpoint or newly
 * assigned) before it reads: a starting offset the partition no longer holds goes to the
 * {@link GapHandler} instead of the consumer, whose reset policy is {@code none}.
 */
final class GapCheckingReader<T> implements SourceReader<T, KafkaPartitionSplit> {

    private final SourceReader<T, KafkaPartitionSplit> reader;
    private final Properties clientProperties;
    private final GapHandler onGap;

    GapCheckingReader(SourceReader<T, KafkaPartitionSplit> reader, Properties clientProperties, GapHandler onGap) {
        this.reader = reader;
        this.clientProperties = clientProperties;
        this.onGap = onGap;
    }

    @Override
    public void addSplits(List<KafkaPartitionSplit> splits) {
        reader.addSplits(checked(splits));
    }

    private List<KafkaPartitionSplit> checked(List<KafkaPartitionSplit> splits) {
        // Markers (earliest, committed) make the consumer seek by itself: only concrete offsets can point into a gap.
        List<TopicPartition> concrete = splits.stream().filter(s -> s.getStartingOffset() >= 0)
                .map(KafkaPartitionSplit::getTopicPartition).toList();
        if (concrete.isEmpty()) {
            return splits;
        }
        Map<TopicPartition, RetainedOffsets> retained = RetainedOffsets.read(clientProperties, concrete);
        List<KafkaPartitionSplit> result = new ArrayList<>(splits.size());
        for (KafkaPartitionSplit split : splits) {
            RetainedOffsets held = retained.get(split.getTopicPartition());
            long start = split.getStartingOffset();
            if (held == null || !ChangeTopicGap.isGap(start, held.earliest(), held.end())) {
                result.add(split);
                continue;
            }
            ChangeTopicGap gap = new ChangeTopicGap(split.getTopic(), split.getPartition(), start, held.earliest(), held.end());
            handle(gap);
            result.add(new KafkaPartitionSplit(split.getTopicPartition(), held.earliest(),
                    split.getStoppingOffset().orElse(KafkaPartitionSplit.NO_STOPPING_OFFSET)));
        }
        return result;
    }

    private void handle(ChangeTopicGap gap) {
        try {
            onGap.onGap(gap);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new FlinkRuntimeException("could not handle " + gap, e);
        }
    }

    @Override
    public void start() {
        reader.start();
    }

    @Override
    public InputStatus pollNext(ReaderOutput<T> output) throws Exception {
        return reader.pollNext(output);
    }

    @Override
    public CompletableFuture<Void> isAvailable() {
        return reader.isAvailable();
    }

    @Override
    public void notifyNoMoreSplits() {
        reader.notifyNoMoreSplits();
    }

    @Override
    public void handleSourceEvents(SourceEvent sourceEvent) {
        reader.handleSourceEvents(sourceEvent);
    }

    @Override
    public List<KafkaPartitionSplit> snapshotState(long checkpointId) {
        return reader.snapshotState(checkpointId);
    }

    @Override
    public void notifyCheckpointComplete(long checkpointId) throws Exception {
        reader.notifyCheckpointComplete(checkpointId);
    }

    @Override
    public void notifyCheckpointAborted(long checkpointId) throws Exception {
        reader.notifyCheckpointAborted(checkpointId);
    }

    @Override
    public void pauseOrResumeSplits(java.util.Collection<String> splitsToPause, java.util.Collection<String> splitsToResume) {
        reader.pauseOrResumeSplits(splitsToPause, splitsToResume);
    }

    @Override
    public void close() throws Exception {
        reader.close();
    }
}
