package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.connector.base.source.reader.RecordsBySplits;
import org.apache.flink.connector.base.source.reader.RecordsWithSplitIds;
import org.apache.flink.connector.base.source.reader.splitreader.SplitReader;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsAddition;
import org.apache.flink.connector.base.source.reader.splitreader.SplitsChange;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;

/** Reads assigned splits one after the other, one keyset page per fetch, closing its session when none is left. */
final class BackfillSplitReader implements SplitReader<ProfileEvent, IdRangeSplit> {

    private final KeysetPageReader pages;
    /** Null: no drift repair (no target given). */
    private final TargetIdReader targetIds;
    private final BackfillThrottle throttle;
    private final int pageRows;
    private final Queue<IdRangeSplit> splits = new ArrayDeque<>();
    private IdRangeSplit current;
    private long position;

    BackfillSplitReader(BackfillSettings settings, BackfillThrottle throttle) {
        this(settings, throttle, null);
    }

    /** @param driftRepairTarget the target database, to emit "absent" rows in re-snapshots; null for none */
    BackfillSplitReader(BackfillSettings settings, BackfillThrottle throttle, JdbcEndpoint driftRepairTarget) {
        this.pages = new KeysetPageReader(settings);
        this.targetIds = driftRepairTarget == null ? null : new TargetIdReader(driftRepairTarget);
        this.throttle = throttle;
        this.pageRows = settings.pageRows();
    }

    /** One page at most, so memory stays flat however large a split is. */
    @Override
    public RecordsWithSplitIds<ProfileEvent> fetch() throws IOException {
        RecordsBySplits.Builder<ProfileEvent> records = new RecordsBySplits.Builder<>();
        if (current == null && !startNextSplit()) {
            return records.build();
        }
        String splitId = current.splitId();
        long after = position;
        KeysetPageReader.Page read = readPage();
        List<ProfileEvent> page = read.rows();
        boolean last = page.size() < pageRows || position == current.highInclusive();
        records.addAll(splitId, repairsDrift(current) ? withAbsent(read, after, last ? current.highInclusive() : position) : page);
        if (last) {
            records.addFinishedSplit(splitId);
            current = null;
            if (splits.isEmpty()) {
                closeSession();
            }
        }
        try {
            throttle.acquire(page.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while throttling backfill split " + splitId);
        }
        return records.build();
    }

    private boolean startNextSplit() {
        current = splits.poll();
        if (current == null) {
            return false;
        }
        position = current.lastEmittedId();
        return true;
    }

    /**
     * A re-snapshot of ids (not of a predicate: a row not matching it still exists) also removes
     * what the target holds and the source does not; the initial backfill does not look.
     */
    private boolean repairsDrift(IdRangeSplit split) {
        return targetIds != null && split.requestId() != IdRangeSplit.INITIAL_BACKFILL && split.predicate() == null;
    }

    /** The page's rows and, in id order among them, an absent row under the page's snapshot per id only the target has in {@code (after, upTo]}. */
    private List<ProfileEvent> withAbsent(KeysetPageReader.Page page, long after, long upTo) throws IOException {
        List<Long> inTarget;
        try {
            inTarget = targetIds.ids(after, upTo);
        } catch (SQLException e) {
            closeSession();
            throw new IOException("could not read the target's ids of split " + current.splitId() + " after id " + after, e);
        }
        List<ProfileEvent> merged = new ArrayList<>(page.rows().size() + inTarget.size());
        int i = 0;
        for (ProfileEvent row : page.rows()) {
            while (i < inTarget.size() && inTarget.get(i) < row.profileId) {
                merged.add(ProfileEvent.absent(inTarget.get(i++), page.snapshot()));
            }
            if (i < inTarget.size() && inTarget.get(i) == row.profileId) {
                i++;
            }
            merged.add(row);
        }
        while (i < inTarget.size()) {
            merged.add(ProfileEvent.absent(inTarget.get(i++), page.snapshot()));
        }
        return merged;
    }

    private KeysetPageReader.Page readPage() throws IOException {
        try {
            KeysetPageReader.Page page = pages.page(position, current.highInclusive(), pageRows, current.predicate());
            List<ProfileEvent> rows = page.rows();
            if (!rows.isEmpty()) {
                position = rows.get(rows.size() - 1).profileId;
            }
            return page;
        } catch (SQLException e) {
            closeSession();
            throw new IOException("could not read split " + current.splitId() + " after id " + position, e);
        }
    }

    @Override
    public void handleSplitsChanges(SplitsChange<IdRangeSplit> change) {
        if (!(change instanceof SplitsAddition)) {
            throw new UnsupportedOperationException("backfill splits can only be added, got " + change);
        }
        splits.addAll(change.splits());
    }

    @Override
    public void wakeUp() {
        throttle.wakeUp();
    }

    @Override
    public void close() throws SQLException {
        throttle.release();
        pages.close();
        if (targetIds != null) {
            targetIds.close();
        }
    }

    /** Whether a database session is open; for tests. */
    boolean hasOpenSession() {
        return pages.isOpen();
    }

    private void closeSession() {
        throttle.release();
        try {
            pages.close();
            if (targetIds != null) {
                targetIds.close();
            }
        } catch (SQLException ignored) {
            // The session is gone either way; the server ends it when the socket closes.
        }
    }
}
