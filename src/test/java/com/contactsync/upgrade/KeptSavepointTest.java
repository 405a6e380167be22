package com.contactsync.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.job.OperatorIds;
import com.contactsync.job.JobEnvironment;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.source.backfill.BackfillEnumeratorState;
import com.contactsync.source.backfill.IdRangeSplit;
import com.contactsync.sync.ProfileSyncState;

import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;

/**
 * Every kept savepoint is what the compatibility guard needs — small, relocatable, taken while the
 * backfill still had work in every kind of state — and the current build still reads every part of
 * it with its own serializers (enumerator, reader splits, keyed sync state). No servers.
 */
class KeptSavepointTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.contactsync.upgrade.KeptSavepoint#all")
    void isSmallAndSelfContained(KeptSavepoint kept) throws Exception {
        SavepointContents contents = SavepointContents.load(kept.savepoint());
        try (var files = Files.walk(kept.savepoint())) {
            List<Path> all = files.filter(Files::isRegularFile).toList();
            assertThat(all).extracting(p -> p.getFileName().toString()).containsExactly("_metadata");
            assertThat(Files.size(all.get(0))).as("bytes").isLessThan(256 * 1024);
        }
        assertThat(contents.uids()).contains(
                OperatorIds.BACKFILL_SOURCE.uid(), OperatorIds.PROFILE_SYNC.uid(),
                OperatorIds.WRITE_BATCHER.uid(), OperatorIds.SINK.uid());
    }

    /**
     * Keyed state restores only at the max parallelism it was written with. The job does not set
     * one, so Flink derives it at the first start (128 for parallelism up to 85): pinning another
     * value makes every kept savepoint, and every user's, unrestorable.
     */
    @ParameterizedTest(name = "{0}")
    @MethodSource("com.contactsync.upgrade.KeptSavepoint#all")
    void jobMaxParallelismIsTheOneOfTheKeptSavepoint(KeptSavepoint kept) throws Exception {
        JobConfig config = KeptSavepoint.config(new JdbcEndpoint("jdbc:postgresql://127.0.0.1:1/none", "u", "NONE"),
                KeptSavepoint.SPLIT_ROWS, KeptSavepoint.PAGE_ROWS, KeptSavepoint.PARALLELISM, Map.of());
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        JobEnvironment.configure(env, config);
        int maxParallelism = env.getMaxParallelism() > 0
                ? env.getMaxParallelism()
                : KeyGroupRangeAssignment.computeDefaultMaxParallelism(config.parallelism());
        assertThat(maxParallelism).as("max parallelism of the job (explicit or derived)")
                .isEqualTo(SavepointContents.load(kept.savepoint()).operator(OperatorIds.PROFILE_SYNC.uid()).getMaxParallelism());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.contactsync.upgrade.KeptSavepoint#all")
    void backfillWasMidWayWithSplitsLeftAndReadersInsideSplits(KeptSavepoint kept) throws Exception {
        SavepointContents contents = SavepointContents.load(kept.savepoint());
        BackfillEnumeratorState enumerator = contents.backfillEnumerator();
        List<IdRangeSplit> readerSplits = contents.backfillReaderSplits();

        assertThat(enumerator.upperBoundInitialised()).isTrue();
        assertThat(enumerator.upperBound()).isEqualTo(kept.profiles());
        assertThat(enumerator.cursor()).as("splits left to cut").isLessThan(enumerator.upperBound());
        assertThat(readerSplits).as("splits held by readers").isNotEmpty()
                .anySatisfy(split -> assertThat(split.lastEmittedId()).as("position inside " + split)
                        .isGreaterThan(split.lowExclusive()).isLessThan(split.highInclusive()));

        // Dense ids 1..PROFILES: everything below the cursor was emitted, except the unassigned
        // splits and what the readers had not reached yet — exactly the rows read before the savepoint.
        long notYetRead = kept.profiles() - enumerator.cursor();
        for (IdRangeSplit split : enumerator.unassigned()) {
            notYetRead += split.highInclusive() - split.lastEmittedId();
        }
        for (IdRangeSplit split : readerSplits) {
            notYetRead += split.highInclusive() - split.lastEmittedId();
        }
        assertThat(kept.profiles() - notYetRead).as("rows the source state says were emitted")
                .isEqualTo(kept.profilesReadBeforeSavepoint());
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("com.contactsync.upgrade.KeptSavepoint#all")
    void syncStateHoldsEveryProfileReadBeforeTheSavepointAndNoOther(KeptSavepoint kept) throws Exception {
        Set<Long> all = new TreeSet<>();
        LongStream.rangeClosed(1, kept.profiles()).forEach(all::add);
        SavepointContents.SyncState sync = SavepointContents.load(kept.savepoint()).profileSyncState(all);
        if (!kept.keepsStateForBackfillRows()) {
            assertThat(sync.entries()).as("profiles with keyed state: none, only the backfill read them").isZero();
            return;
        }

        assertThat(sync.entries()).as("profiles with keyed state").isEqualTo(kept.profilesReadBeforeSavepoint());
        Map<Long, ProfileSyncState> byProfile = sync.byProfile();
        for (long id : kept.profilesWrittenBeforeSavepoint()) {
            assertThat(byProfile.get(id)).as("state of profile %d", id).isNotNull()
                    .satisfies(state -> assertThat(state.written).isTrue())
                    .satisfies(state -> assertThat(state.changeApplied).as("backfill only: no change applied").isFalse());
        }
        assertThat(byProfile.get((long) kept.profiles())).as("the last profile was not read yet").isNull();
    }
}
