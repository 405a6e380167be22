package com.contactsync.source.change;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The offsets partitions still hold: earliest (log start) and end, read with one short-lived admin client. */
record RetainedOffsets(long earliest, long end) {

    private static final long TIMEOUT_SECONDS = 60;

    static Map<TopicPartition, RetainedOffsets> read(Properties clientProperties, Collection<TopicPartition> partitions) {
        Map<TopicPartition, RetainedOffsets> result = new HashMap<>();
        if (partitions.isEmpty()) {
            return result;
        }
        try (Admin admin = Admin.create(clientProperties)) {
            Map<TopicPartition, ListOffsetsResultInfo> earliest = list(admin, partitions, OffsetSpec.earliest());
            Map<TopicPartition, ListOffsetsResultInfo> end = list(admin, partitions, OffsetSpec.latest());
            for (TopicPartition tp : partitions) {
                result.put(tp, new RetainedOffsets(earliest.get(tp).offset(), end.get(tp).offset()));
            }
            return result;
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("could not read the retained offsets of " + partitions
                    + " to check the change topic for gaps", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the retained offsets of " + partitions, e);
        }
    }

    private static Map<TopicPartition, ListOffsetsResultInfo> list(Admin admin, Collection<TopicPartition> partitions, OffsetSpec spec)
            throws ExecutionException, InterruptedException, TimeoutException {
        Map<TopicPartition, OffsetSpec> request = partitions.stream().collect(Collectors.toMap(Function.identity(), tp -> spec));
        return admin.listOffsets(request).all().get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
    }
}
