package com.contactsync.sync;

import com.contactsync.source.ProfileReselector;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.QualityCode;
import com.contactsync.normalize.QualityIssue;
import com.contactsync.sink.ProfileWrite;
import com.contactsync.source.ChangeLagBoard;
import com.contactsync.source.PgSnapshot;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.metrics.Counter;
import org.apache.flink.runtime.state.FunctionInitializationContext;
import org.apache.flink.runtime.state.FunctionSnapshotContext;
import org.apache.flink.streaming.api.checkpoint.CheckpointedFunction;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.Histogram;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * The heart of the job, keyed by profile id: normalizes each observation of a profile, decides
 * whether it may be applied (a snapshot row wins over every change it has seen and loses to every
 * change it has not) and emits the profile's complete new rows unless they equal what was last written.
 */
public class ProfileSyncFunction extends KeyedProcessFunction<Long, ProfileEvent, ProfileWrite> implements CheckpointedFunction {

    private static final long serialVersionUID = 1L;

    public static final ValueStateDescriptor<ProfileSyncState> STATE =
            new ValueStateDescriptor<>("profile-sync", TypeInformation.of(ProfileSyncState.class));

    /**
     * The normalization settings (mapping included) the state was written under, so that a restore
     * under other rules says so: profiles keep their rows until they change or are re-snapshotted.
     */
    static final ListStateDescriptor<String> NORMALIZATION = new ListStateDescriptor<>("normalization-settings", Types.STRING);

    private static final Logger LOG = LoggerFactory.getLogger(ProfileSyncFunction.class);

    private final ContactNormalizer normalizer;
    private transient ListState<String> normalization;
    /** Null: an update with unchanged TOASTed contacts is never re-read (no country column to watch). */
    private final ProfileReselector reselector;

    /** Changes the lag histogram keeps (its window): about a minute at 100 changes/s per subtask. */
    private static final int CHANGE_LAG_WINDOW = 5_000;

    private transient ValueState<ProfileSyncState> state;
    private transient Counter profilesProcessed;
    private transient Counter writesEmitted;
    private transient Counter unchangedSkipped;
    private transient Counter snapshotsSuperseded;
    private transient Counter deletes;
    private transient Counter changesApplied;
    private transient Counter reselects;
    private transient Counter emailRowsWritten;
    private transient Counter phoneRowsWritten;
    private transient Counter issueRowsWritten;
    private transient Map<QualityCode, Counter> issueCounters;
    private transient volatile long changeLagMillis;
    private transient Histogram changeLag;
    private transient String jobId;
    private transient int subtask;

    public ProfileSyncFunction(ContactNormalizer normalizer) {
        this(normalizer, null);
    }

    /**
     * @param reselector re-reads a profile whose update carries the unchanged-TOAST placeholder for
     *     the contacts while the country changed (the phones' default region); null when the profile
     *     table has no country column
     */
    public ProfileSyncFunction(ContactNormalizer normalizer, ProfileReselector reselector) {
        this.normalizer = normalizer;
        this.reselector = reselector;
    }

    @Override
    public void initializeState(FunctionInitializationContext context) throws Exception {
        normalization = context.getOperatorStateStore().getUnionListState(NORMALIZATION);
        String now = normalizer.settings().fingerprint();
        if (context.isRestored() && getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0) {
            for (String before : normalization.get()) {
                if (!before.equals(now)) {
                    LOG.warn("restored with other normalization settings or another mapping (before: {}; now: {}): profiles"
                            + " keep the rows of the old rules until they change; `./contactsync backfill request --all`"
                            + " re-applies the new rules to every profile while live", before, now);
                    break;
                }
            }
        }
    }

    @Override
    public void snapshotState(FunctionSnapshotContext context) throws Exception {
        // One copy is enough (union state hands every subtask all of them); subtask 0 writes it.
        normalization.update(getRuntimeContext().getTaskInfo().getIndexOfThisSubtask() == 0
                ? List.of(normalizer.settings().fingerprint()) : List.of());
    }

    @Override
    public void open(OpenContext openContext) throws Exception {
        state = getRuntimeContext().getState(STATE);
        if (reselector != null) {
            reselector.open();
        }
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        profilesProcessed = metrics.counter("profilesProcessed");
        writesEmitted = metrics.counter("profileWrites");
        unchangedSkipped = metrics.counter("unchangedSkipped");
        snapshotsSuperseded = metrics.counter("snapshotsSuperseded");
        deletes = metrics.counter("deletes");
        changesApplied = metrics.counter("changesApplied");
        reselects = metrics.counter("reselects");
        // Rows of the writes handed to the sink (visible once the next checkpoint commits them).
        emailRowsWritten = metrics.counter("emailRowsWritten");
        phoneRowsWritten = metrics.counter("phoneRowsWritten");
        issueRowsWritten = metrics.counter("issueRowsWritten");
        metrics.gauge("changeLagMillis", (Gauge<Long>) () -> changeLagMillis);
        jobId = getRuntimeContext().getJobInfo().getJobId().toString();
        subtask = getRuntimeContext().getTaskInfo().getIndexOfThisSubtask();
        // The distribution, not only the latest value: a p99 is what freshness targets are set on.
        changeLag = metrics.histogram("changeLag", new DescriptiveStatisticsHistogram(CHANGE_LAG_WINDOW));
        issueCounters = new EnumMap<>(QualityCode.class);
        MetricGroup issues = metrics.addGroup("issues");
        for (QualityCode code : QualityCode.values()) {
            issueCounters.put(code, issues.counter(code.name()));
        }
    }

    @Override
    public void processElement(ProfileEvent event, Context ctx, Collector<ProfileWrite> out) throws Exception {
        profilesProcessed.inc();
        ProfileSyncState current = state.value();
        if (current == null) {
            current = new ProfileSyncState();
        }
        if (event.sourceTimestampMillis > 0) {
            changeLagMillis = Math.max(0, System.currentTimeMillis() - event.sourceTimestampMillis);
            changeLag.update(changeLagMillis);
            ChangeLagBoard.report(jobId, subtask, changeLagMillis);
        }
        ProfileWrite write;
        switch (event.kind) {
            case SNAPSHOT:
                if (!snapshotWins(current, event)) {
                    snapshotsSuperseded.inc();
                    return;
                }
                write = imageOf(event);
                if (!current.written) {
                    // A profile the topic never touched keeps no state: the backfill reads it once,
                    // and a replay of its (idempotent) write changes nothing. So state grows with
                    // the profiles that changed, not with the table (billions of rows).
                    emit(write, out);
                    return;
                }
                // Written even when it equals the last write: a re-snapshot repairs drift in the
                // target, which the fingerprint cannot see (an unchanged replay changes no tuple).
                current.writtenFingerprint = write.fingerprint();
                rememberCountry(current, event);
                emit(write, out);
                state.update(current);
                return;
            case UPSERT:
                if (event.contactsUnchanged) {
                    // Only other columns changed. Our rows stay as they are unless the country did:
                    // it is the phones' default region, so the contacts are read again (reselect).
                    if (reselector == null || (current.countryKnown && Objects.equals(current.country, event.country))) {
                        return;
                    }
                    reselect(event.profileId, current, out);
                    return;
                }
                current.changeApplied = true;
                current.lastChangeTxId = event.txId;
                changesApplied.inc();
                write = imageOf(event);
                break;
            case DELETE:
                current.changeApplied = true;
                current.lastChangeTxId = event.txId;
                changesApplied.inc();
                deletes.inc();
                write = ProfileWrite.removal(event.profileId);
                break;
            default:
                throw new IllegalStateException("unknown event kind " + event.kind);
        }
        rememberCountry(current, event);
        writeIfChanged(write, current, out);
        state.update(current);
    }

    /**
     * The rule: a snapshot row is applied iff the last change applied to the profile is visible in
     * the snapshot it was read under (the row then shows that change or a later state). A change
     * whose transaction is unknown (no txId: older state, or an event without source.txId) and a
     * row without a snapshot lose: the change stream alone still converges (README, live sync).
     */
    static boolean snapshotWins(ProfileSyncState current, ProfileEvent row) {
        if (!current.changeApplied) {
            return true;
        }
        PgSnapshot snapshot = row.readSnapshot();
        return snapshot != null && current.lastChangeTxId != 0 && snapshot.sees(current.lastChangeTxId);
    }

    /**
     * Reads the profile again and applies it; its state is kept so the next such update finds the
     * country. No visibility test is needed: the row is read after this update was delivered, so
     * after every change of the profile delivered before it committed (one partition per profile,
     * commit order) — it has seen the last applied change, even one whose txId is unknown.
     */
    private void reselect(long profileId, ProfileSyncState current, Collector<ProfileWrite> out) throws Exception {
        reselects.inc();
        ProfileEvent row = reselector.reselect(profileId);
        rememberCountry(current, row);
        writeIfChanged(imageOf(row), current, out);
        state.update(current);
    }

    private ProfileWrite imageOf(ProfileEvent event) {
        return event.absent ? ProfileWrite.removal(event.profileId) : ProfileWrite.of(event.profileId, normalize(event));
    }

    private static void rememberCountry(ProfileSyncState current, ProfileEvent applied) {
        boolean exists = applied.kind != ProfileEvent.Kind.DELETE && !applied.absent;
        current.countryKnown = exists;
        current.country = exists ? applied.country : null;
    }

    private void writeIfChanged(ProfileWrite write, ProfileSyncState current, Collector<ProfileWrite> out) {
        long fingerprint = write.fingerprint();
        if (current.written && current.writtenFingerprint == fingerprint) {
            unchangedSkipped.inc();
        } else {
            current.written = true;
            current.writtenFingerprint = fingerprint;
            emit(write, out);
        }
    }

    @Override
    public void close() throws Exception {
        if (jobId != null) {
            ChangeLagBoard.forget(jobId, subtask);
        }
        if (reselector != null) {
            reselector.close();
        }
        super.close();
    }

    private void emit(ProfileWrite write, Collector<ProfileWrite> out) {
        writesEmitted.inc();
        emailRowsWritten.inc(write.emails.size());
        phoneRowsWritten.inc(write.phones.size());
        issueRowsWritten.inc(write.issues.size());
        out.collect(write);
    }

    private NormalizedContacts normalize(ProfileEvent event) {
        NormalizedContacts contacts = normalizer.normalize(event.contacts, event.country);
        for (QualityIssue issue : contacts.issues()) {
            issueCounters.get(issue.code()).inc();
        }
        return contacts;
    }
}
