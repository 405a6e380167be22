package com.contactsync.privacy;

import java.util.List;

/**
 * What an erasure did, in counts and profile ids only (the contact is shown masked).
 *
 * @param profilesFound       profiles found holding the contact (reverse index, quality issues)
 * @param profilesChanged     profiles whose source contacts were rewritten
 * @param entriesRemoved      contact entries removed from them
 * @param mentionsCut         other mentions cut out of their text
 * @param needReview          profiles where the contact is still found after the rewrite: look at them
 * @param issuesDeleted       rows deleted from contact_quality_issue
 * @param detailsDeleted      rows deleted from consistency_check_mismatch
 * @param deadLettersRedacted dead letters whose raw value was erased
 * @param rowsAwaitingSync    rows of profile_email / profile_phone still holding the key, which the sync removes
 */
public record ErasureReport(ContactKey key, boolean dryRun, int profilesFound, int profilesChanged, int entriesRemoved,
                            int mentionsCut, List<Long> needReview, int issuesDeleted, int detailsDeleted,
                            int deadLettersRedacted, long rowsAwaitingSync) {

    private static final int IDS_SHOWN = 20;

    public ErasureReport {
        needReview = List.copyOf(needReview);
    }

    /** The report for people: one line per table touched. */
    public List<String> lines() {
        String verb = dryRun ? "would be " : "";
        String source = String.format("source: %d profile(s) hold %s; %d %srewritten (%d entries removed, %d other mentions cut),"
                + " in one transaction%s", profilesFound, key, profilesChanged, verb, entriesRemoved, mentionsCut,
                dryRun ? " (rolled back: dry run)" : "");
        String target = String.format("target: %d quality issue(s) %sdeleted, %d verification detail(s) %sdeleted,"
                + " %d dead letter(s) %sredacted", issuesDeleted, verb, detailsDeleted, verb, deadLettersRedacted, verb);
        String sync = String.format("%s: %d row(s) still hold it; the sync removes them when it applies the change"
                + " (live sync, or the next backfill)", key.kind().table(), rowsAwaitingSync);
        String review = needReview.isEmpty() ? "nothing of it is left in the rewritten contacts"
                : String.format("%d profile(s) still hold it after the rewrite, look at them by hand: %s%s", needReview.size(),
                        needReview.subList(0, Math.min(IDS_SHOWN, needReview.size())), needReview.size() > IDS_SHOWN ? " ..." : "");
        return List.of(source, review, target, sync);
    }
}
