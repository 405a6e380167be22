package com.contactsync.verify;

import java.util.Arrays;

/**
 * Profiles that differed at first sight and are compared again once the grace period has passed:
 * a profile being changed right now is not drift. Only ids are kept, at most {@link #CAPACITY}.
 */
final class Suspects {

    /** 8 MB of ids; beyond that the target is so far off that a re-check would change nothing. */
    static final int CAPACITY = 1_000_000;

    private final int capacity;
    private long[] ids = new long[64];
    private int size;
    private long lastAddedNanos;

    Suspects() {
        this(CAPACITY);
    }

    Suspects(int capacity) {
        this.capacity = capacity;
    }

    /** False when full: the caller must then report the profile's mismatches as they are. */
    synchronized boolean add(long id) {
        if (size == capacity) {
            return false;
        }
        if (size == ids.length) {
            ids = Arrays.copyOf(ids, Math.min(capacity, size * 2));
        }
        ids[size++] = id;
        lastAddedNanos = System.nanoTime();
        return true;
    }

    synchronized boolean isEmpty() {
        return size == 0;
    }

    /** When the most recent suspect was found, in {@link System#nanoTime()} terms. */
    synchronized long lastAddedNanos() {
        return lastAddedNanos;
    }

    /** The suspects in ascending order, each once. */
    synchronized long[] sorted() {
        return Arrays.stream(ids, 0, size).sorted().distinct().toArray();
    }
}
