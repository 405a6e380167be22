package com.contactsync.source;

import java.io.Serializable;

/**
 * Reads one profile again from the source, as a snapshot row carrying the snapshot it was read
 * under (Debezium's "reselect" idea): used when a change cannot be applied from its event alone.
 */
public interface ProfileReselector extends Serializable, AutoCloseable {

    /** Prepares resources (a session); called once in the operator's {@code open}. */
    default void open() throws Exception {}

    /**
     * The profile as of now: a {@link ProfileEvent.Kind#SNAPSHOT} row with its snapshot, or an
     * {@linkplain ProfileEvent#absent absent} row when the source no longer has it.
     */
    ProfileEvent reselect(long profileId) throws Exception;

    @Override
    default void close() throws Exception {}
}
