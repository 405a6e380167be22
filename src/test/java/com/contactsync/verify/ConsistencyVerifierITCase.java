package com.contactsync.verify;

import static com.contactsync.verify.VerifyTestDatabase.execute;
import static com.contactsync.verify.VerifyTestDatabase.queryLong;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.contactsync.config.ProfileTable;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.SQLException;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

class ConsistencyVerifierITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final ContactNormalizer NORMALIZER = new ContactNormalizer(NormalizerSettings.defaults());
    private static final VerifyOptions FAST = VerifyOptions.defaults()
            .withPageRows(500).withGracePeriod(Duration.ofMillis(200));
    private static JdbcEndpoint consistentTemplate;

    @BeforeAll
    static void loadProfilesAndTheirExpectedRows() throws SQLException {
        consistentTemplate = VerifyTestDatabase.consistent(POSTGRES, 3_000, NORMALIZER);
    }

    @Test
    void tablesThatEqualTheContactsHaveNoMismatch() throws SQLException {
        VerificationResult result = verifier(VerifyTestDatabase.copyOf(POSTGRES, consistentTemplate)).verify(FAST);

        assertThat(result.checked()).isEqualTo(3_000);
        assertThat(result.mismatched()).isZero();
        assertThat(result.rechecked()).isZero();
        assertThat(result.details()).isEmpty();
    }

    @Test
    void reportsExactlyTheDriftMadeBehindTheJobsBack() throws SQLException {
        JdbcEndpoint db = VerifyTestDatabase.copyOf(POSTGRES, consistentTemplate);
        long deletedRow = queryLong(db, "SELECT min(profile_id) FROM profile_email");
        long alteredRow = queryLong(db, "SELECT min(profile_id) FROM profile_phone WHERE profile_id > ?", deletedRow);
        long addedRow = queryLong(db, "SELECT min(id) FROM profile WHERE id > ?", alteredRow);
        long orphan = queryLong(db, "SELECT max(profile_id) FROM profile_email");
        // Profiles after it without rows go too, so the orphan lies beyond the source's last id.
        execute(db, "DELETE FROM profile p WHERE p.id > ? AND NOT EXISTS (SELECT 1 FROM profile_phone WHERE profile_id = p.id)"
                + " AND NOT EXISTS (SELECT 1 FROM contact_quality_issue WHERE profile_id = p.id)", orphan);
        String deletedEmail = queryString(db, "SELECT min(email) FROM profile_email WHERE profile_id = ?", deletedRow);
        execute(db, "DELETE FROM profile_email WHERE profile_id = ? AND email = ?", deletedRow, deletedEmail);
        execute(db, "UPDATE profile_phone SET is_valid = NOT is_valid WHERE profile_id = ?"
                + " AND phone = (SELECT min(phone) FROM profile_phone WHERE profile_id = ?)", alteredRow, alteredRow);
        execute(db, "INSERT INTO profile_email (profile_id, email, email_raw, domain, is_valid, position)"
                + " VALUES (?, 'sneaky.extra@example.org', 'sneaky.extra@example.org', 'example.org', true, 99)", addedRow);
        execute(db, "DELETE FROM profile WHERE id = ?", orphan);
        long orphanTables = queryLong(db, "SELECT (SELECT count(*) > 0 FROM profile_email WHERE profile_id = ?)::int"
                + " + (SELECT count(*) > 0 FROM profile_phone WHERE profile_id = ?)::int"
                + " + (SELECT count(*) > 0 FROM contact_quality_issue WHERE profile_id = ?)::int", orphan, orphan, orphan);

        long profiles = queryLong(db, "SELECT count(*) FROM profile");

        VerificationResult result = verifier(db).verify(FAST);

        assertThat(queryLong(db, "SELECT max(id) FROM profile")).isLessThan(orphan);
        assertThat(result.checked()).isEqualTo(profiles);
        assertThat(result.mismatched()).isEqualTo(4);
        assertThat(result.rechecked()).isEqualTo(4);
        assertThat(result.details()).filteredOn(m -> m.kind() != MismatchKind.ORPHANED_PROFILE)
                .extracting(Mismatch::profileId, Mismatch::table, Mismatch::kind)
                .containsExactlyInAnyOrder(
                        tuple(deletedRow, "profile_email", MismatchKind.MISSING_ROW),
                        tuple(alteredRow, "profile_phone", MismatchKind.DIFFERENT_VALUE),
                        tuple(addedRow, "profile_email", MismatchKind.UNEXPECTED_ROW));
        assertThat(result.details()).filteredOn(m -> m.kind() == MismatchKind.ORPHANED_PROFILE)
                .extracting(Mismatch::profileId).hasSize((int) orphanTables).containsOnly(orphan);
        assertThat(result.count(MismatchKind.ORPHANED_PROFILE)).isEqualTo(orphanTables);
        assertThat(result.details()).extracting(Mismatch::detail).noneMatch(d -> d.contains(deletedEmail)
                || d.contains("sneaky.extra"));
    }

    @Test
    void aSampledRunChecksAboutTheFractionAndRepeatsWithTheSameSeed() throws SQLException {
        ConsistencyVerifier verifier = verifier(VerifyTestDatabase.copyOf(POSTGRES, consistentTemplate));

        VerificationResult first = verifier.verify(FAST.withSample(0.1, 42));
        VerificationResult again = verifier.verify(FAST.withSample(0.1, 42).withThreads(3).withPageRows(37));
        VerificationResult otherSeed = verifier.verify(FAST.withSample(0.1, 43));

        assertThat(first.checked()).isBetween(200L, 400L);
        assertThat(again.checked()).isEqualTo(first.checked());
        assertThat(otherSeed.checked()).isBetween(200L, 400L);
        assertThat(first.consistent()).isTrue();
    }

    @Test
    void driftFixedWithinTheGracePeriodIsNotReported() throws Exception {
        JdbcEndpoint db = VerifyTestDatabase.consistent(POSTGRES, 150, NORMALIZER);
        long profile = queryLong(db, "SELECT min(profile_id) FROM profile_phone");
        String phone = queryString(db, "SELECT min(phone) FROM profile_phone WHERE profile_id = ?", profile);
        String type = queryString(db, "SELECT type FROM profile_phone WHERE profile_id = ? AND phone = ?", profile, phone);
        execute(db, "UPDATE profile_phone SET type = 'changed' WHERE profile_id = ? AND phone = ?", profile, phone);
        // The job catches up while the verifier waits: the row is put back the way the contacts say.
        CompletableFuture<Void> fix = CompletableFuture.runAsync(() -> {
            try {
                execute(db, "UPDATE profile_phone SET type = ? WHERE profile_id = ? AND phone = ?", type, profile, phone);
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        }, CompletableFuture.delayedExecutor(1_500, TimeUnit.MILLISECONDS));

        VerificationResult result = verifier(db).verify(FAST.withGracePeriod(Duration.ofSeconds(4)));
        fix.get();

        assertThat(result.rechecked()).as("the drift was seen").isEqualTo(1);
        assertThat(result.mismatched()).isZero();
    }

    private static ConsistencyVerifier verifier(JdbcEndpoint db) {
        return new ConsistencyVerifier(db, db, new ProfileTable(VerifyTestDatabase.PROFILE, SqlIdentifier.of("id"),
                SqlIdentifier.of("contacts"), SqlIdentifier.of("country")), NORMALIZER);
    }

    private static String queryString(JdbcEndpoint db, String sql, Object... parameters) throws SQLException {
        try (var c = db.connect(); var s = c.prepareStatement(sql)) {
            VerifyTestDatabase.bind(s, parameters);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }
}
