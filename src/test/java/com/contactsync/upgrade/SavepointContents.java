package com.contactsync.upgrade;

import com.contactsync.job.OperatorIds;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.source.ProfileEvent;
import com.contactsync.source.backfill.BackfillEnumeratorState;
import com.contactsync.source.backfill.BackfillEnumeratorStateSerializer;
import com.contactsync.source.backfill.IdRangeSplit;
import com.contactsync.source.backfill.IdRangeSplitSerializer;
import com.contactsync.sync.ProfileSyncFunction;
import com.contactsync.sync.ProfileSyncState;

import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.fs.FSDataInputStream;
import org.apache.flink.core.io.SimpleVersionedSerialization;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.runtime.checkpoint.Checkpoints;
import org.apache.flink.runtime.checkpoint.OperatorState;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.checkpoint.metadata.CheckpointMetadata;
import org.apache.flink.runtime.state.KeyedStateBackend;
import org.apache.flink.runtime.state.OperatorStateHandle;
import org.apache.flink.runtime.state.VoidNamespace;
import org.apache.flink.runtime.state.VoidNamespaceSerializer;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.AbstractStreamOperatorTestHarness;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads a savepoint of the job without running it: the backfill enumerator's and readers' state
 * through the source's own versioned serializers, and the keyed sync state through Flink's
 * operator test harness (restored at parallelism 1 from any parallelism).
 */
final class SavepointContents {

    private static final String READER_STATE = "SourceReaderState";

    private final CheckpointMetadata metadata;

    private SavepointContents(CheckpointMetadata metadata) {
        this.metadata = metadata;
    }

    /** Loads {@code _metadata} of a savepoint directory. */
    static SavepointContents load(Path savepoint) throws IOException {
        try (DataInputStream in = new DataInputStream(Files.newInputStream(savepoint.resolve("_metadata")))) {
            return new SavepointContents(Checkpoints.loadCheckpointMetadata(
                    in, SavepointContents.class.getClassLoader(), savepoint.toUri().toString()));
        }
    }

    /** The state of the operator with this uid. */
    OperatorState operator(String uid) {
        return metadata.getOperatorStates().stream()
                .filter(state -> state.getOperatorUid().map(uid::equals).orElse(false))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the savepoint has no state for uid " + uid + "; it has " + uids()));
    }

    /** Uids of the operators the savepoint holds state for (stateless ones included). */
    List<String> uids() {
        List<String> uids = new ArrayList<>();
        for (OperatorState state : metadata.getOperatorStates()) {
            uids.add(state.getOperatorUid().orElse("<" + state.getOperatorID() + ">"));
        }
        return uids;
    }

    /** One line per operator: uid, parallelism, max parallelism and what kinds of state it has. */
    List<String> describe() {
        List<String> lines = new ArrayList<>();
        for (OperatorState state : metadata.getOperatorStates()) {
            StringBuilder kinds = new StringBuilder();
            if (state.getCoordinatorState() != null) {
                kinds.append(" coordinator(").append(state.getCoordinatorState().getStateSize()).append(" B)");
            }
            for (OperatorSubtaskState subtask : state.getStates()) {
                if (subtask.getManagedKeyedState().hasState()) {
                    kinds.append(" keyed(").append(subtask.getManagedKeyedState().getStateSize()).append(" B)");
                }
                for (OperatorStateHandle handle : subtask.getManagedOperatorState()) {
                    kinds.append(" operator").append(handle.getStateNameToPartitionOffsets().keySet());
                }
            }
            lines.add(state.getOperatorUid().orElse("?") + " p=" + state.getParallelism()
                    + " maxP=" + state.getMaxParallelism() + kinds);
        }
        return lines;
    }

    /** The backfill enumerator's checkpoint, decoded as {@code SourceCoordinator} wrote it. */
    BackfillEnumeratorState backfillEnumerator() throws IOException {
        OperatorState source = operator(OperatorIds.BACKFILL_SOURCE.uid());
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(source.getCoordinatorState().getData()))) {
            in.readInt(); // the coordinator's own format version
            int version = in.readInt();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new BackfillEnumeratorStateSerializer().deserialize(version, bytes);
        }
    }

    /** The splits the backfill readers held, with their positions. */
    List<IdRangeSplit> backfillReaderSplits() throws IOException {
        List<IdRangeSplit> splits = new ArrayList<>();
        IdRangeSplitSerializer serializer = new IdRangeSplitSerializer();
        for (OperatorSubtaskState subtask : operator(OperatorIds.BACKFILL_SOURCE.uid()).getStates()) {
            for (OperatorStateHandle handle : subtask.getManagedOperatorState()) {
                OperatorStateHandle.StateMetaInfo info = handle.getStateNameToPartitionOffsets().get(READER_STATE);
                if (info == null) {
                    continue;
                }
                try (FSDataInputStream in = handle.openInputStream()) {
                    DataInputViewStreamWrapper view = new DataInputViewStreamWrapper(in);
                    for (long offset : info.getOffsets()) {
                        in.seek(offset);
                        byte[] element = new byte[view.readInt()]; // BytePrimitiveArraySerializer
                        view.readFully(element);
                        splits.add(SimpleVersionedSerialization.readVersionAndDeSerialize(serializer, element));
                    }
                }
            }
        }
        return splits;
    }

    /** The sync operator's keyed state of these profiles (absent ones map to null), and how many keys it holds. */
    @SuppressWarnings("try") // the harness's close() may throw InterruptedException
    SyncState profileSyncState(Collection<Long> profileIds) throws Exception {
        OperatorState sync = operator(OperatorIds.PROFILE_SYNC.uid());
        OperatorSubtaskState all = AbstractStreamOperatorTestHarness.repackageState(
                sync.getStates().toArray(new OperatorSubtaskState[0]));
        OperatorSubtaskState atParallelism1 = AbstractStreamOperatorTestHarness.repartitionOperatorState(
                all, sync.getMaxParallelism(), sync.getParallelism(), 1, 0);
        ProfileSyncFunction function = new ProfileSyncFunction(new ContactNormalizer(NormalizerSettings.defaults()));
        try (KeyedOneInputStreamOperatorTestHarness<Long, ProfileEvent, ?> harness = new KeyedOneInputStreamOperatorTestHarness<>(
                new KeyedProcessOperator<>(function), (ProfileEvent e) -> e.profileId, Types.LONG, sync.getMaxParallelism(), 1, 0)) {
            harness.initializeState(atParallelism1);
            harness.open();
            KeyedStateBackend<Long> backend = harness.getOperator().getKeyedStateBackend();
            Map<Long, ProfileSyncState> states = new TreeMap<>();
            for (long id : profileIds) {
                backend.setCurrentKey(id);
                states.put(id, backend.getPartitionedState(
                        VoidNamespace.INSTANCE, VoidNamespaceSerializer.INSTANCE, ProfileSyncFunction.STATE).value());
            }
            return new SyncState(harness.numKeyedStateEntries(), states);
        }
    }

    /** Keyed state of the sync operator: how many profiles have state, and the state of some. */
    record SyncState(int entries, Map<Long, ProfileSyncState> byProfile) {}
}
