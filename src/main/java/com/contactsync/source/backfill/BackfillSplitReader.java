package com.contactsync.source.backfill;

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
import java.util.List;
import java.util.Queue;

/** Reads assigned splits one after the other, one keyset page per fetch, closing its session when none is left. */
final class BackfillSplitReader implements SplitReader<ProfileEvent, IdRangeSplit> {

    private final KeysetPageReader pages;
    private final BackfillThrottle throttle;
    private final int pageRows;
    private final Queue<IdRangeSplit> splits = new ArrayDeque<>();
    private IdRangeSplit current;
    private long position;

    BackfillSplitReader(BackfillSettings settings, BackfillThrottle throttle) {
        this.pages = new KeysetPageReader(settings);
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
        List<ProfileEvent> page = readPage();
        records.addAll(splitId, page);
        if (page.size() < pageRows || position == current.highInclusive()) {
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

    private List<ProfileEvent> readPage() throws IOException {
        try {
            List<ProfileEvent> page = pages.page(position, current.highInclusive(), pageRows, current.predicate()).rows();
            if (!page.isEmpty()) {
                position = page.get(page.size() - 1).profileId;
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
    }

    /** Whether a database session is open; for tests. */
    boolean hasOpenSession() {
        return pages.isOpen();
    }

    private void closeSession() {
        throttle.release();
        try {
            pages.close();
        } catch (SQLException ignored) {
            // The session is gone either way; the server ends it when the socket closes.
        }
    }
}
