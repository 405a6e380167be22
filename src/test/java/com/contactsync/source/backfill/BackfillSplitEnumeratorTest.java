package com.contactsync.source.backfill;

import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The enumerator against a real PostgreSQL: boundaries come from the primary-key index. */
class BackfillSplitEnumeratorTest {

    private static final String TABLE = "enumerator_sparse_profile";
    private static final long TRILLION = 1_000_000_000_000L;
    private static final long LONE_ID = 4_000_000_000_000_000L;
    /** 1..1000, 10^12..10^12+1000 and 4*10^15: 2002 rows spread over 15 orders of magnitude. */
    private static final String SPARSE_IDS = "SELECT generate_series(1, 1000) UNION ALL SELECT generate_series("
            + TRILLION + ", " + (TRILLION + 1000) + ") UNION ALL SELECT " + LONE_ID;
    private static final long SPLIT_ROWS = 300;

    private static BackfillTestDatabase database;
    private final List<GaugeKeepingEnumeratorContext> contexts = new ArrayList<>();

    @BeforeAll
    static void createTable() throws Exception {
        database = BackfillTestDatabase.get();
        database.createProfileTable(TABLE, SPARSE_IDS);
    }

    @AfterEach
    void closeContexts() throws Exception {
        for (GaugeKeepingEnumeratorContext context : contexts) {
            context.close();
        }
    }

    @Test
    void cutsSplitsOfEqualRowCountOverSparseIds() throws Throwable {
        GaugeKeepingEnumeratorContext context = context();
        BackfillSplitEnumerator enumerator = enumerator(context, TABLE, BackfillEnumeratorState.initial());

        List<IdRangeSplit> splits = drain(enumerator, context, 0);

        assertThat(splits).hasSize(7); // ceil(2002 / 300): the 4*10^15 gap costs no split
        assertCoversExactlyOnce(splits, 0, LONE_ID);
        for (IdRangeSplit split : splits.subList(0, 6)) {
            assertThat(rowsIn(TABLE, split)).isEqualTo(SPLIT_ROWS);
        }
        assertThat(rowsIn(TABLE, splits.get(6))).isEqualTo(2002 - 6 * SPLIT_ROWS);
        assertThat(splits).allSatisfy(split -> assertThat(split.lastEmittedId()).isEqualTo(split.lowExclusive()));
    }

    @Test
    void signalsNoMoreSplitsToEveryReaderOnceAllAreAssigned() throws Throwable {
        GaugeKeepingEnumeratorContext context = context();
        BackfillSplitEnumerator enumerator = enumerator(context, TABLE, BackfillEnumeratorState.initial());

        drain(enumerator, context, 0);
        Optional<IdRangeSplit> forSecondReader = request(enumerator, context, 1);
        enumerator.handleSourceEvent(0, new SplitFinishedEvent("split-0"));

        assertThat(context.hasNoMoreSplits(0)).isTrue();
        assertThat(forSecondReader).isEmpty();
        assertThat(context.hasNoMoreSplits(1)).isTrue();
        assertThat(context.gauge("splitsAssigned")).isEqualTo(7L);
        assertThat(context.gauge("splitsFinished")).isEqualTo(1L);
        assertThat(context.gauge("backfillUpperBound")).isEqualTo(LONE_ID);
    }

    @Test
    void keepsTheUpperBoundFixedWhenRowsArriveDuringTheBackfill() throws Throwable {
        database.createProfileTable("enumerator_growing_profile", SPARSE_IDS);
        GaugeKeepingEnumeratorContext context = context();
        BackfillSplitEnumerator enumerator = enumerator(context, "enumerator_growing_profile", BackfillEnumeratorState.initial());

        List<IdRangeSplit> splits = new ArrayList<>();
        splits.add(request(enumerator, context, 0).orElseThrow());
        database.execute("INSERT INTO enumerator_growing_profile (id) VALUES (" + (2 * LONE_ID) + ")");
        splits.addAll(drain(enumerator, context, 0));

        assertCoversExactlyOnce(splits, 0, LONE_ID);
        assertThat(enumerator.snapshotState(1).upperBound()).isEqualTo(LONE_ID);
    }

    @Test
    void reassignsSplitsHandedBackWithTheirPosition() throws Throwable {
        GaugeKeepingEnumeratorContext context = context();
        BackfillSplitEnumerator enumerator = enumerator(context, TABLE, BackfillEnumeratorState.initial());
        IdRangeSplit first = request(enumerator, context, 0).orElseThrow();
        IdRangeSplit halfRead = first.withLastEmittedId(first.lowExclusive() + 120);

        context.unregisterReader(0);
        enumerator.addSplitsBack(List.of(halfRead), 0);
        BackfillEnumeratorState state = enumerator.snapshotState(1);
        Optional<IdRangeSplit> forOtherReader = request(enumerator, context, 1);

        assertThat(state.unassigned()).contains(halfRead);
        assertThat(forOtherReader).contains(halfRead);
    }

    @Test
    void restoredEnumeratorContinuesAtItsCursorAndNeverReissuesFinishedSplits() throws Throwable {
        GaugeKeepingEnumeratorContext before = context();
        BackfillSplitEnumerator original = enumerator(before, TABLE, BackfillEnumeratorState.initial());
        List<IdRangeSplit> finished = List.of(
                request(original, before, 0).orElseThrow(),
                request(original, before, 1).orElseThrow(),
                request(original, before, 0).orElseThrow());
        BackfillEnumeratorStateSerializer serializer = new BackfillEnumeratorStateSerializer();
        BackfillEnumeratorState state = serializer.deserialize(serializer.getVersion(),
                serializer.serialize(original.snapshotState(7)));

        GaugeKeepingEnumeratorContext after = context();
        BackfillSplitEnumerator restored = enumerator(after, TABLE, state);
        List<IdRangeSplit> rest = drain(restored, after, 1);

        assertThat(state.upperBoundInitialised()).isTrue();
        assertThat(rest.get(0).lowExclusive()).isEqualTo(finished.get(2).highInclusive());
        assertThat(rest).noneMatch(split -> split.lowExclusive() < finished.get(2).highInclusive());
        List<IdRangeSplit> all = new ArrayList<>(finished);
        all.addAll(rest);
        assertCoversExactlyOnce(all, 0, LONE_ID);
        assertThat(after.hasNoMoreSplits(1)).isTrue();
    }

    @Test
    void emptyTableEndsWithoutSplits() throws Throwable {
        database.createProfileTable("enumerator_empty_profile", "SELECT 1 WHERE false");
        GaugeKeepingEnumeratorContext context = context();
        BackfillSplitEnumerator enumerator = enumerator(context, "enumerator_empty_profile", BackfillEnumeratorState.initial());

        assertThat(request(enumerator, context, 0)).isEmpty();
        assertThat(context.hasNoMoreSplits(0)).isTrue();
    }

    @Test
    void aBoundedRunEndsOnlyOnceTheIndexBuildIsDone() throws Throwable {
        GaugeKeepingEnumeratorContext context = context();
        CountDownLatch buildMayFinish = new CountDownLatch(1);
        AtomicInteger builds = new AtomicInteger();
        BackfillSplitEnumerator enumerator = new BackfillSplitEnumerator(context,
                new SplitBoundaryFinder(database.settings(TABLE, SPLIT_ROWS, 100, 0)), TABLE, BackfillEnumeratorState.initial(),
                null, () -> {
                    builds.incrementAndGet();
                    buildMayFinish.await();
                    return 0;
                });
        enumerator.start();

        int splits = 0;
        for (boolean assigned = true; assigned; ) {
            enumerator.handleSplitRequest(0, "localhost");
            runCallables(context);
            assigned = context.getSplitsAssignmentSequence().size() > splits;
            splits = context.getSplitsAssignmentSequence().size();
        }
        enumerator.handleSplitRequest(1, "localhost");
        runCallables(context);
        waitFor(() -> builds.get() == 1);

        assertThat(splits).isEqualTo(7);
        assertThat(context.hasNoMoreSplits(0) || context.hasNoMoreSplits(1)).as("held back during the build").isFalse();
        assertThat(context.gauge("secondaryIndexesMissing")).isEqualTo(-1L);

        buildMayFinish.countDown();
        waitFor(() -> context.hasNoMoreSplits(0) && context.hasNoMoreSplits(1));
        assertThat(context.gauge("secondaryIndexesMissing")).isEqualTo(0L);
        assertThat(builds).hasValue(1);
    }

    /**
     * The concurrent build starts while the readers still read the last splits (its waits for the
     * sink's open transactions then pass during that tail), not after every split is read.
     */
    @Test
    void theIndexBuildStartsOnceEverySplitIsCutWhileReadersStillRead() throws Throwable {
        GaugeKeepingEnumeratorContext context = context();
        AtomicInteger builds = new AtomicInteger();
        BackfillSplitEnumerator enumerator = new BackfillSplitEnumerator(context,
                new SplitBoundaryFinder(database.settings(TABLE, SPLIT_ROWS, 100, 0)), TABLE, BackfillEnumeratorState.initial(),
                null, () -> {
                    builds.incrementAndGet();
                    return 0;
                });
        enumerator.start();
        enumerator.handleSplitRequest(0, "localhost");
        runCallables(context);
        assertThat(builds).as("one split handed out, more to cut").hasValue(0);

        for (int assigned = 1; assigned < 6; assigned++) { // reader 0 never reports a split finished
            enumerator.handleSplitRequest(0, "localhost");
            runCallables(context);
        }
        assertThat(context.getSplitsAssignmentSequence()).hasSize(6);
        waitFor(() -> builds.get() == 1); // the seventh and last split is cut, not handed out yet
        assertThat(context.hasNoMoreSplits(0) || context.hasNoMoreSplits(1)).isFalse();
    }

    // ---- fixtures ----

    private GaugeKeepingEnumeratorContext context() {
        GaugeKeepingEnumeratorContext context = new GaugeKeepingEnumeratorContext();
        context.registerReader(new ReaderInfo(0, "localhost"));
        context.registerReader(new ReaderInfo(1, "localhost"));
        contexts.add(context);
        return context;
    }

    private static BackfillSplitEnumerator enumerator(GaugeKeepingEnumeratorContext context, String table, BackfillEnumeratorState state) {
        BackfillSplitEnumerator enumerator = new BackfillSplitEnumerator(context,
                new SplitBoundaryFinder(database.settings(table, SPLIT_ROWS, 100, 0)), table, state);
        enumerator.start();
        return enumerator;
    }

    private static void runCallables(GaugeKeepingEnumeratorContext context) throws Throwable {
        while (!context.getOneTimeCallables().isEmpty()) {
            context.runNextOneTimeCallable();
        }
    }

    /** The index build ends on a thread of its own and reports on the coordinator's. */
    private static void waitFor(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 10_000_000_000L;
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("waited 10 s").isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    /** Asks for a split as a reader would and runs the enumerator's queries until it answers. */
    private static Optional<IdRangeSplit> request(BackfillSplitEnumerator enumerator, GaugeKeepingEnumeratorContext context, int subtask)
            throws Throwable {
        int assignmentsBefore = context.getSplitsAssignmentSequence().size();
        enumerator.handleSplitRequest(subtask, "localhost");
        while (!context.getOneTimeCallables().isEmpty()) {
            context.runNextOneTimeCallable();
        }
        List<SplitsAssignment<IdRangeSplit>> assignments = context.getSplitsAssignmentSequence();
        if (assignments.size() > assignmentsBefore) {
            return Optional.of(assignments.get(assignments.size() - 1).assignment().get(subtask).get(0));
        }
        assertThat(context.hasNoMoreSplits(subtask)).as("no split and no end signal for reader " + subtask).isTrue();
        return Optional.empty();
    }

    private static List<IdRangeSplit> drain(BackfillSplitEnumerator enumerator, GaugeKeepingEnumeratorContext context, int subtask)
            throws Throwable {
        List<IdRangeSplit> splits = new ArrayList<>();
        for (Optional<IdRangeSplit> next = request(enumerator, context, subtask); next.isPresent();
                next = request(enumerator, context, subtask)) {
            splits.add(next.get());
        }
        return splits;
    }

    private static void assertCoversExactlyOnce(List<IdRangeSplit> splits, long lowExclusive, long highInclusive) {
        long expectedLow = lowExclusive;
        for (IdRangeSplit split : splits) {
            assertThat(split.lowExclusive()).as("split %s starts where the previous ended", split).isEqualTo(expectedLow);
            assertThat(split.highInclusive()).isGreaterThan(split.lowExclusive());
            expectedLow = split.highInclusive();
        }
        assertThat(expectedLow).as("last split ends at the upper bound").isEqualTo(highInclusive);
    }

    private static long rowsIn(String table, IdRangeSplit split) throws Exception {
        return database.count("SELECT count(*) FROM " + table + " WHERE id > ? AND id <= ?",
                split.lowExclusive(), split.highInclusive());
    }
}
