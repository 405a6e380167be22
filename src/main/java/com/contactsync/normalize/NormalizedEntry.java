package com.contactsync.normalize;

import java.util.List;

/**
 * What normalizing one entry gave.
 *
 * @param row    the row to store, or null when the entry gives none (empty, no digits, unusable shape)
 * @param key    the key rows of the profile are deduplicated on, null when there is no row
 * @param issues the entry's issues, in the order the rules applied
 */
record NormalizedEntry<R>(R row, String key, List<QualityIssue> issues) {

    static <R> NormalizedEntry<R> withoutRow(QualityIssue issue) {
        return new NormalizedEntry<>(null, null, List.of(issue));
    }
}
