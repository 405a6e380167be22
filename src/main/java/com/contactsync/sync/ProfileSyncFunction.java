package com.contactsync.sync;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.QualityCode;
import com.contactsync.normalize.QualityIssue;
import com.contactsync.sink.ProfileWrite;
import com.contactsync.source.ProfileEvent;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.Gauge;
import org.apache.flink.metrics.MetricGroup;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

import java.util.EnumMap;
import java.util.Map;

/**
 * The heart of the job, keyed by profile id: normalizes each observation of a profile, decides
 * whether it may be applied (a backfill row never overrides an applied change event) and emits
 * the profile's complete new rows unless they equal what was last written.
 */
public class ProfileSyncFunction extends KeyedProcessFunction<Long, ProfileEvent, ProfileWrite> {

    private static final long serialVersionUID = 1L;

    public static final ValueStateDescriptor<ProfileSyncState> STATE =
            new ValueStateDescriptor<>("profile-sync", TypeInformation.of(ProfileSyncState.class));

    private final ContactNormalizer normalizer;

    private transient ValueState<ProfileSyncState> state;
    private transient Counter profilesProcessed;
    private transient Counter writesEmitted;
    private transient Counter unchangedSkipped;
    private transient Counter snapshotsSuperseded;
    private transient Counter deletes;
    private transient Counter changesApplied;
    private transient Counter emailRowsWritten;
    private transient Counter phoneRowsWritten;
    private transient Counter issueRowsWritten;
    private transient Map<QualityCode, Counter> issueCounters;
    private transient volatile long changeLagMillis;

    public ProfileSyncFunction(ContactNormalizer normalizer) {
        this.normalizer = normalizer;
    }

    @Override
    public void open(OpenContext openContext) {
        state = getRuntimeContext().getState(STATE);
        MetricGroup metrics = getRuntimeContext().getMetricGroup();
        profilesProcessed = metrics.counter("profilesProcessed");
        writesEmitted = metrics.counter("profileWrites");
        unchangedSkipped = metrics.counter("unchangedSkipped");
        snapshotsSuperseded = metrics.counter("snapshotsSuperseded");
        deletes = metrics.counter("deletes");
        changesApplied = metrics.counter("changesApplied");
        // Rows of the writes handed to the sink (visible once the next checkpoint commits them).
        emailRowsWritten = metrics.counter("emailRowsWritten");
        phoneRowsWritten = metrics.counter("phoneRowsWritten");
        issueRowsWritten = metrics.counter("issueRowsWritten");
        metrics.gauge("changeLagMillis", (Gauge<Long>) () -> changeLagMillis);
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
        }
        ProfileWrite write;
        switch (event.kind) {
            case SNAPSHOT:
                if (current.changeApplied) {
                    snapshotsSuperseded.inc();
                    return;
                }
                write = ProfileWrite.of(event.profileId, normalize(event));
                if (!current.written) {
                    // A profile the topic never touched keeps no state: the backfill reads it once,
                    // and a replay of its (idempotent) write changes nothing. So state grows with
                    // the profiles that changed, not with the table (billions of rows).
                    emit(write, out);
                    return;
                }
                // Written but no change applied: only state restored from savepoints taken before
                // backfill rows stopped keeping state. It compares fingerprints like any write.
                break;
            case UPSERT:
                if (event.contactsUnchanged) {
                    // Only the other columns changed: the contacts, and so our rows, stay as they are.
                    return;
                }
                current.changeApplied = true;
                changesApplied.inc();
                write = ProfileWrite.of(event.profileId, normalize(event));
                break;
            case DELETE:
                current.changeApplied = true;
                changesApplied.inc();
                deletes.inc();
                write = ProfileWrite.removal(event.profileId);
                break;
            default:
                throw new IllegalStateException("unknown event kind " + event.kind);
        }
        long fingerprint = write.fingerprint();
        if (current.written && current.writtenFingerprint == fingerprint) {
            unchangedSkipped.inc();
        } else {
            current.written = true;
            current.writtenFingerprint = fingerprint;
            emit(write, out);
        }
        state.update(current);
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
