package com.contactsync.source.backfill;

import com.contactsync.config.SqlIdentifier;

import org.apache.flink.api.connector.source.ReaderInfo;
import org.apache.flink.api.connector.source.SplitsAssignment;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Re-snapshot requests through the enumerator, against a real PostgreSQL request table. */
class ResnapshotEnumeratorTest {

    private static final String TABLE = "resnapshot_profile";
    /** 1..1000 and 10^12..10^12+99. */
    private static final String IDS = "SELECT generate_series(1, 1000) UNION ALL SELECT generate_series(1000000000000, 1000000000099)";
    private static final long SPLIT_ROWS = 300;

    private static BackfillTestDatabase database;
    private final List<GaugeKeepingEnumeratorContext> contexts = new ArrayList<>();
    private ResnapshotRequestTable requests;

    @BeforeAll
    static void createTable() throws Exception {
        database = BackfillTestDatabase.get();
        database.createProfileTable(TABLE, IDS);
    }

    @BeforeEach
    void freshRequestTable() throws Exception {
        database.execute("DROP TABLE IF EXISTS resnapshot_request_test");
        requests = new ResnapshotRequestTable(database.endpoint(), SqlIdentifier.of("resnapshot_request_test"));
        requests.ensureTable();
    }

    @AfterEach
    void closeContexts() throws Exception {
        for (GaugeKeepingEnumeratorContext context : contexts) {
            context.close();
        }
    }

    @Test
    void liveModeIdlesUntilARequestThenReadsExactlyItsRanges() throws Throwable {
        GaugeKeepingEnumeratorContext context = context();
        BackfillSplitEnumerator enumerator = enumerator(context, BackfillEnumeratorState.withoutInitialBackfill());
        enumerator.handleSplitRequest(0, "localhost");
        enumerator.handleSplitRequest(1, "localhost");
        poll(context);
        assertThat(context.getSplitsAssignmentSequence()).as("nothing to read before a request").isEmpty();
        assertThat(context.hasNoMoreSplits(0)).as("continuous: never ends").isFalse();

        long id = requests.submit(ResnapshotSelector.ids("10-700,999999999990-1000000000050"));
        poll(context);
        List<IdRangeSplit> splits = drain(enumerator, context);

        assertThat(splits).allSatisfy(split -> assertThat(split.requestId()).isEqualTo(id));
        assertThat(rows(splits)).isEqualTo(691 + 51);
        assertThat(splits.get(0).lowExclusive()).isEqualTo(9);
        assertThat(splits.get(splits.size() - 1).highInclusive()).isEqualTo(1_000_000_000_050L);
        assertThat(status(id)).isEqualTo("done");
        assertThat(context.gauge("resnapshot_requests_pending")).isEqualTo(0);
        assertThat(context.gauge("resnapshot_progress")).isEqualTo(1.0);
        assertThat(context.hasNoMoreSplits(0)).isFalse();
    }

    @Test
    void requestsRunOneAfterAnotherAndWhereAddsItsPredicate() throws Throwable {
        GaugeKeepingEnumeratorContext context = context();
        BackfillSplitEnumerator enumerator = enumerator(context, BackfillEnumeratorState.withoutInitialBackfill());
        long all = requests.submit(ResnapshotSelector.all());
        long where = requests.submit(ResnapshotSelector.where("country = 'DE'"));
        poll(context);
        assertThat(context.gauge("resnapshot_requests_pending")).isEqualTo(2);

        List<IdRangeSplit> splits = drain(enumerator, context);

        List<IdRangeSplit> ofAll = splits.stream().filter(s -> s.requestId() == all).toList();
        List<IdRangeSplit> ofWhere = splits.stream().filter(s -> s.requestId() == where).toList();
        assertThat(splits.subList(0, ofAll.size())).as("the first request entirely first").isEqualTo(ofAll);
        assertThat(rows(ofAll)).isEqualTo(1100);
        assertThat(ofAll).allSatisfy(split -> assertThat(split.predicate()).isNull());
        assertThat(ofWhere).isNotEmpty().allSatisfy(split -> assertThat(split.predicate()).isEqualTo("country = 'DE'"));
        assertThat(rows(ofWhere)).as("splits along the key; the predicate filters pages").isEqualTo(1100);
        assertThat(status(all)).isEqualTo("done");
        assertThat(status(where)).isEqualTo("done");
    }

    @Test
    void cancelledRequestIsDroppedWithItsUnassignedSplits() throws Throwable {
        GaugeKeepingEnumeratorContext context = context();
        BackfillSplitEnumerator enumerator = enumerator(context, BackfillEnumeratorState.withoutInitialBackfill());
        long first = requests.submit(ResnapshotSelector.all());
        long second = requests.submit(ResnapshotSelector.ids("1-5"));
        poll(context);
        IdRangeSplit held = request(enumerator, context, 0); // reader 0 reads a split of the first request

        assertThat(requests.cancel(first)).isTrue();
        poll(context);
        enumerator.handleSourceEvent(0, SplitFinishedEvent.of(held));
        List<IdRangeSplit> rest = drain(enumerator, context).stream().filter(split -> !split.equals(held)).toList();

        assertThat(held.requestId()).isEqualTo(first);
        assertThat(rest).isNotEmpty().allSatisfy(split -> assertThat(split.requestId()).isEqualTo(second));
        assertThat(status(first)).isEqualTo("cancelled");
        assertThat(status(second)).isEqualTo("done");
        assertThat(requests.cancel(second)).as("a done request cannot be cancelled").isFalse();
    }

    @Test
    void acceptedRequestsSurviveARestoreAndAFreshJobDoesNotRedoDoneOnes() throws Throwable {
        GaugeKeepingEnumeratorContext before = context();
        BackfillSplitEnumerator original = enumerator(before, BackfillEnumeratorState.withoutInitialBackfill());
        long first = requests.submit(ResnapshotSelector.ids("1-10"));
        long second = requests.submit(ResnapshotSelector.ids("20-30"));
        poll(before); // both accepted, the first one's split cut ahead; no reader has asked yet
        BackfillEnumeratorStateSerializer serializer = new BackfillEnumeratorStateSerializer();
        BackfillEnumeratorState state = serializer.deserialize(serializer.getVersion(), serializer.serialize(original.snapshotState(3)));

        GaugeKeepingEnumeratorContext after = context();
        BackfillSplitEnumerator restored = enumerator(after, state);
        List<IdRangeSplit> afterRestore = drain(restored, after);

        assertThat(state.requests()).extracting(r -> r.id).containsExactly(first, second);
        assertThat(afterRestore).extracting(IdRangeSplit::requestId).containsExactly(first, second);
        assertThat(rows(afterRestore)).isEqualTo(21);
        assertThat(status(first)).isEqualTo("done");
        assertThat(status(second)).isEqualTo("done");

        GaugeKeepingEnumeratorContext fresh = context();
        BackfillSplitEnumerator freshJob = enumerator(fresh, BackfillEnumeratorState.withoutInitialBackfill());
        poll(fresh);
        assertThat(drain(freshJob, fresh)).as("history is not redone").isEmpty();
    }

    @Test
    void boundedSelectorRunEndsAfterItsProfiles() throws Throwable {
        GaugeKeepingEnumeratorContext context = context();
        BackfillSplitEnumerator enumerator = new BackfillSplitEnumerator(context,
                new SplitBoundaryFinder(database.settings(TABLE, SPLIT_ROWS, 100, 0)), TABLE,
                BackfillEnumeratorState.forSelector(ResnapshotSelector.ids("100-199")));
        enumerator.start();

        List<IdRangeSplit> splits = drain(enumerator, context);

        assertThat(rows(splits)).isEqualTo(100);
        assertThat(splits).allSatisfy(split -> assertThat(split.requestId()).isEqualTo(ResnapshotRequest.COMMAND_LINE));
        assertThat(context.hasNoMoreSplits(0)).isTrue();
        assertThat(context.hasNoMoreSplits(1)).isTrue();
    }

    // ---- fixtures ----

    private GaugeKeepingEnumeratorContext context() {
        GaugeKeepingEnumeratorContext context = new GaugeKeepingEnumeratorContext();
        context.registerReader(new ReaderInfo(0, "localhost"));
        context.registerReader(new ReaderInfo(1, "localhost"));
        contexts.add(context);
        return context;
    }

    private BackfillSplitEnumerator enumerator(GaugeKeepingEnumeratorContext context, BackfillEnumeratorState state) {
        BackfillSplitEnumerator enumerator = new BackfillSplitEnumerator(context,
                new SplitBoundaryFinder(database.settings(TABLE, SPLIT_ROWS, 100, 0)), TABLE, state,
                new RequestPolling(requests, Duration.ofSeconds(1)));
        enumerator.start();
        return enumerator;
    }

    /** One tick of the request poll, and everything it sets off. */
    private static void poll(GaugeKeepingEnumeratorContext context) throws Throwable {
        context.runPeriodicCallable(0);
        runAll(context);
    }

    private static void runAll(GaugeKeepingEnumeratorContext context) throws Throwable {
        while (!context.getOneTimeCallables().isEmpty()) {
            context.runNextOneTimeCallable();
        }
    }

    /** Reader {@code subtask} asks for a split, as after finishing its previous one; null when none comes. */
    private static IdRangeSplit request(BackfillSplitEnumerator enumerator, GaugeKeepingEnumeratorContext context, int subtask)
            throws Throwable {
        int before = context.getSplitsAssignmentSequence().size();
        enumerator.handleSplitRequest(subtask, "localhost");
        runAll(context);
        List<SplitsAssignment<IdRangeSplit>> assignments = context.getSplitsAssignmentSequence();
        return assignments.size() > before ? assignments.get(assignments.size() - 1).assignment().get(subtask).get(0) : null;
    }

    /**
     * Both readers read every split assigned to them (reporting it finished) and ask again, until no
     * split comes; then both are idle. Returns every split this context ever assigned.
     */
    private static List<IdRangeSplit> drain(BackfillSplitEnumerator enumerator, GaugeKeepingEnumeratorContext context)
            throws Throwable {
        int handled = 0;
        boolean first = true;
        while (first || handled < context.getSplitsAssignmentSequence().size()) {
            first = false;
            List<SplitsAssignment<IdRangeSplit>> sequence = new ArrayList<>(context.getSplitsAssignmentSequence());
            for (SplitsAssignment<IdRangeSplit> assignment : sequence.subList(handled, sequence.size())) {
                assignment.assignment().forEach((subtask, splits) ->
                        splits.forEach(split -> enumerator.handleSourceEvent(subtask, SplitFinishedEvent.of(split))));
            }
            handled = sequence.size();
            for (int subtask = 0; subtask < 2; subtask++) {
                enumerator.handleSplitRequest(subtask, "localhost");
                runAll(context);
            }
        }
        List<IdRangeSplit> all = new ArrayList<>();
        context.getSplitsAssignmentSequence().forEach(a -> a.assignment().values().forEach(all::addAll));
        return all;
    }

    private static long rows(List<IdRangeSplit> splits) throws Exception {
        long rows = 0;
        for (IdRangeSplit split : splits) {
            rows += database.count("SELECT count(*) FROM " + TABLE + " WHERE id > ? AND id <= ?", split.lowExclusive(), split.highInclusive());
        }
        return rows;
    }

    private static String status(long id) throws Exception {
        return requests().stream().filter(r -> r.id() == id).findFirst().orElseThrow().status();
    }

    private static List<ResnapshotRequestTable.Row> requests() throws Exception {
        return new ResnapshotRequestTable(database.endpoint(), SqlIdentifier.of("resnapshot_request_test")).list(100);
    }
}
