package com.contactsync.source.change;

import org.apache.flink.runtime.execution.SuppressRestartsException;

import java.io.Serializable;

/**
 * What the change source does when a partition no longer holds the offset it must continue at
 * ({@code live.on-gap}). Called in the source reader, once per such partition, before it reads.
 */
@FunctionalInterface
public interface GapHandler extends Serializable {

    /**
     * Returns normally to continue from the partition's earliest retained offset (after making
     * up for the lost events), or throws to fail the job.
     */
    void onGap(ChangeTopicGap gap) throws Exception;

    /** {@code live.on-gap: fail}: the job fails at once, without restarts, with the gap's message. */
    static GapHandler failing() {
        return gap -> {
            // A restart would restore the same offset and find the same gap: fail the job itself.
            throw new SuppressRestartsException(new ChangeTopicGapException(gap));
        };
    }
}
