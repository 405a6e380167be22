package com.contactsync.verify;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * Checks one id range: walks the source by keyset pages and compares each page with the target
 * rows of exactly its ids, then walks the target's profile ids of the range to find orphans.
 * Profiles that differ become suspects; they are judged later, after the grace period.
 */
final class RangeCheck implements Callable<Void> {

    private static final Logger LOG = LoggerFactory.getLogger(RangeCheck.class);

    /** Opens a checker with its own connections. */
    interface CheckerFactory {
        ProfileChecker open() throws SQLException;
    }

    private final IdRange range;
    private final CheckerFactory checkers;
    private final int pageRows;
    private final Sampling sampling;
    private final MismatchCollector collector;
    private final Suspects suspects;

    RangeCheck(IdRange range, CheckerFactory checkers, int pageRows, Sampling sampling,
               MismatchCollector collector, Suspects suspects) {
        this.range = range;
        this.checkers = checkers;
        this.pageRows = pageRows;
        this.sampling = sampling;
        this.collector = collector;
        this.suspects = suspects;
    }

    @Override
    public Void call() throws SQLException {
        try (ProfileChecker checker = checkers.open()) {
            compareSourcePages(checker);
            findOrphans(checker);
        }
        return null;
    }

    private void compareSourcePages(ProfileChecker checker) throws SQLException {
        long afterId = range.afterId();
        while (true) {
            List<SourceRow> page = checker.page(afterId, range.upToId(), pageRows, sampling);
            if (page.isEmpty()) {
                return;
            }
            Map<Long, List<Mismatch>> found = checker.check(page);
            collector.checked(page.size());
            suspect(found);
            LOG.debug("ids ({}, {}]: compared {} profiles, {} differ", afterId, page.get(page.size() - 1).id(),
                    page.size(), found.size());
            if (page.size() < pageRows) {
                return;
            }
            afterId = page.get(page.size() - 1).id();
        }
    }

    private void findOrphans(ProfileChecker checker) throws SQLException {
        long afterId = range.afterId();
        while (true) {
            long[] ids = checker.targetProfileIds(afterId, range.upToId(), pageRows, sampling);
            if (ids.length == 0) {
                return;
            }
            long[] missing = checker.missingFromSource(ids);
            if (missing.length > 0) {
                suspect(checker.check(missing));
            }
            if (ids.length < pageRows) {
                return;
            }
            afterId = ids[ids.length - 1];
        }
    }

    private void suspect(Map<Long, List<Mismatch>> found) {
        for (Map.Entry<Long, List<Mismatch>> profile : found.entrySet()) {
            if (!suspects.add(profile.getKey())) {
                collector.add(profile.getValue());
            }
        }
    }
}
