package com.contactsync.verify;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.normalize.ContactNormalizer;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares profiles of the source with their rows in the target, over its own pair of
 * connections (one checker per thread). Each statement runs on its own (autocommit): no
 * transaction stays open on the source between pages.
 */
final class ProfileChecker implements AutoCloseable {

    private final Connection source;
    private final Connection target;
    private final ProfileSourceReader sourceReader;
    private final TargetReader targetReader;
    private final ContactNormalizer normalizer;

    ProfileChecker(JdbcEndpoint source, JdbcEndpoint target, ProfileSourceReader sourceReader, TargetReader targetReader,
                   ContactNormalizer normalizer) throws SQLException {
        this.source = source.connect();
        try {
            this.target = target.connect();
        } catch (SQLException e) {
            this.source.close();
            throw e;
        }
        this.source.setReadOnly(true);
        this.target.setReadOnly(true);
        this.sourceReader = sourceReader;
        this.targetReader = targetReader;
        this.normalizer = normalizer;
    }

    List<SourceRow> page(long afterId, long upToId, int limit, Sampling sampling) throws SQLException {
        return sourceReader.page(source, afterId, upToId, limit, sampling);
    }

    long[] targetProfileIds(long afterId, long upToId, int limit, Sampling sampling) throws SQLException {
        return targetReader.profileIds(target, afterId, upToId, limit, sampling);
    }

    /** The ids among {@code ids} that the source does not hold. */
    long[] missingFromSource(long[] ids) throws SQLException {
        Set<Long> present = new HashSet<>(sourceReader.existing(source, ids));
        return Arrays.stream(ids).filter(id -> !present.contains(id)).toArray();
    }

    /** Mismatches of source rows already read (a page), by profile id; consistent profiles are absent. */
    Map<Long, List<Mismatch>> check(List<SourceRow> rows) throws SQLException {
        long[] ids = rows.stream().mapToLong(SourceRow::id).toArray();
        Map<Long, SourceRow> byId = new LinkedHashMap<>();
        rows.forEach(row -> byId.put(row.id(), row));
        return compare(ids, byId, targetReader.rowsFor(target, ids));
    }

    /** Mismatches of the given profiles, reading both sides afresh; an id not in the source is an orphan if rows remain. */
    Map<Long, List<Mismatch>> check(long[] ids) throws SQLException {
        Map<Long, SourceRow> rows = sourceReader.byIds(source, ids);
        return compare(ids, rows, targetReader.rowsFor(target, ids));
    }

    private Map<Long, List<Mismatch>> compare(long[] ids, Map<Long, SourceRow> sourceRows,
                                              Map<Long, ProfileRows> targetRows) {
        Map<Long, List<Mismatch>> found = new LinkedHashMap<>();
        for (long id : ids) {
            SourceRow row = sourceRows.get(id);
            ProfileRows actual = targetRows.getOrDefault(id, new ProfileRows());
            List<Mismatch> mismatches = row == null
                    ? ProfileDiff.orphaned(id, actual)
                    : ProfileDiff.compare(id, ExpectedRows.of(normalizer.normalize(row.contacts(), row.country())), actual);
            if (!mismatches.isEmpty()) {
                found.put(id, mismatches);
            }
        }
        return found;
    }

    @Override
    public void close() throws SQLException {
        try {
            source.close();
        } finally {
            target.close();
        }
    }
}
