package com.contactsync.privacy;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.ProfileTable;
import com.contactsync.normalize.ContactNormalizer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;

/**
 * Answers an erasure request for one email address or phone number: finds the profiles holding
 * it through the reverse index (and the quality issues that quote it), removes it from their
 * source contacts in one source transaction, then purges it from the quality issues, the
 * verification details and the dead letters in the target. The target rows themselves are left to
 * the sync, which applies the source change like any other, so nothing races the job's writes.
 */
public final class ContactEraser {

    private static final Logger LOG = LoggerFactory.getLogger(ContactEraser.class);

    private final JdbcEndpoint target;
    private final SourceEraser source;
    private final ContactNormalizer normalizer;

    public ContactEraser(JdbcEndpoint source, JdbcEndpoint target, ProfileTable profile, ContactNormalizer normalizer) {
        this.target = target;
        this.source = new SourceEraser(source, profile);
        this.normalizer = normalizer;
    }

    /** Erases {@code key} everywhere; with {@code dryRun} every change is rolled back and only counted. */
    public ErasureReport erase(ContactKey key, boolean dryRun) throws SQLException {
        Mentions mentions = Mentions.of(key);
        try (Connection t = target.connect()) {
            t.setAutoCommit(false);
            try {
                TreeSet<Long> profiles = indexedProfiles(t, key);
                List<QualityIssuePurge.Found> issues = QualityIssuePurge.find(t, key, mentions);
                issues.forEach(issue -> profiles.add(issue.profileId()));
                long[] ids = profiles.stream().mapToLong(Long::longValue).toArray();
                LOG.info("erasing {} from {} profile(s){}", key, ids.length, dryRun ? " (dry run)" : "");

                SourceEraser.Outcome changed = source.erase(ids, new ContactsDocumentEraser(key, normalizer,
                        QualityIssuePurge.recordedPlaces(issues, key)), dryRun);

                int issuesDeleted = QualityIssuePurge.delete(t, issues);
                int details = deleteDetails(t, ids, key);
                int deadLetters = DeadLetterRedaction.redact(t, mentions);
                long awaiting = rowsHolding(t, key);
                if (dryRun) {
                    t.rollback();
                } else {
                    t.commit();
                }
                return new ErasureReport(key, dryRun, ids.length, changed.profilesChanged(), changed.entriesRemoved(),
                        changed.mentionsCut(), changed.needReview(), issuesDeleted, details, deadLetters, awaiting);
            } catch (SQLException | RuntimeException e) {
                t.rollback();
                throw e;
            }
        }
    }

    private static TreeSet<Long> indexedProfiles(Connection t, ContactKey key) throws SQLException {
        TreeSet<Long> ids = new TreeSet<>();
        try (PreparedStatement s = t.prepareStatement(ContactLookup.sql(key.kind()))) {
            s.setString(1, key.value());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getLong(1));
                }
            }
        }
        return ids;
    }

    /** Verification details are masked, but the mask of the key (first character and domain) still points at it. */
    private static int deleteDetails(Connection t, long[] ids, ContactKey key) throws SQLException {
        try (PreparedStatement s = t.prepareStatement("DELETE FROM consistency_check_mismatch"
                + " WHERE profile_id = ANY(?) AND strpos(lower(detail), lower(?)) > 0")) {
            s.setArray(1, t.createArrayOf("bigint", Arrays.stream(ids).boxed().toArray()));
            s.setString(2, key.masked());
            return s.executeUpdate();
        }
    }

    private static long rowsHolding(Connection t, ContactKey key) throws SQLException {
        try (PreparedStatement s = t.prepareStatement(ContactLookup.sql(key.kind()))) {
            s.setString(1, key.value());
            long rows = 0;
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    rows++;
                }
            }
            return rows;
        }
    }
}
