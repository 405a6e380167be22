package com.contactsync.generate;

import java.time.Duration;

/** What one load wrote: how many profiles, which ids, and how fast. */
public record LoadReport(long rows, long firstId, long lastId, Duration elapsed) {

    public double rowsPerSecond() {
        double seconds = elapsed.toNanos() / 1e9;
        return seconds <= 0 ? rows : rows / seconds;
    }

    @Override
    public String toString() {
        return String.format("%,d profiles (ids %d..%d) in %.2f s = %,.0f profiles/s",
                rows, firstId, lastId, elapsed.toNanos() / 1e9, rowsPerSecond());
    }
}
