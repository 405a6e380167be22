package com.contactsync;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.normalize.ContactNormalizer;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/** The end state every live-sync test demands, with a failure message a person can read. */
public final class TablesMatchSource {

    private static final String SEPARATOR = "\u241F"; // ExpectedTables' column separator
    private static final int SHOWN = 5;

    private TablesMatchSource() {}

    /**
     * The tables equal what the source's current JSON says, row for row (nothing lost, nothing
     * extra, nothing twice), computed without the job's write path; no prepared transaction is
     * left; exactly {@code deadLetters} dead letters.
     */
    public static void assertExact(JdbcEndpoint db, ContactNormalizer normalizer, long deadLetters) throws Exception {
        List<String> expected = ExpectedTables.expected(db, normalizer);
        List<String> actual = ExpectedTables.actual(db);
        assertThat(differences(expected, actual)).as("rows that differ from the source (%,d expected rows)", expected.size()).isEmpty();
        assertThat(actual).containsExactlyElementsOf(expected);
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM pg_prepared_xacts")).as("prepared transactions left").isZero();
        assertThat(PipelineRun.count(db, "SELECT count(*) FROM contactsync_dead_letter")).as("dead letters").isEqualTo(deadLetters);
    }

    /** What differs, as the profiles affected and a few rows each way, instead of two lists of 100,000 rows. */
    private static List<String> differences(List<String> expected, List<String> actual) {
        Set<String> expectedSet = new HashSet<>(expected);
        Set<String> actualSet = new HashSet<>(actual);
        List<String> missing = expected.stream().filter(row -> !actualSet.contains(row)).toList();
        List<String> extra = actual.stream().filter(row -> !expectedSet.contains(row)).toList();
        List<String> out = new ArrayList<>();
        if (actual.size() != actualSet.size()) {
            out.add((actual.size() - actualSet.size()) + " rows twice in the tables");
        }
        if (!missing.isEmpty() || !extra.isEmpty()) {
            Set<Long> profiles = new TreeSet<>();
            missing.forEach(row -> profiles.add(profileId(row)));
            extra.forEach(row -> profiles.add(profileId(row)));
            out.add(missing.size() + " rows missing and " + extra.size() + " rows extra, in " + profiles.size()
                    + " profiles: " + profiles.stream().limit(30).toList());
            missing.stream().limit(SHOWN).forEach(row -> out.add("missing: " + row));
            extra.stream().limit(SHOWN).forEach(row -> out.add("extra:   " + row));
        }
        return out;
    }

    private static long profileId(String row) {
        return Long.parseLong(row.split(SEPARATOR)[1]);
    }
}
