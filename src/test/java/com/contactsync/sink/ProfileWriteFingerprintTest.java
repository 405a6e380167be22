package com.contactsync.sink;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.normalize.EmailRow;
import com.contactsync.normalize.QualityCode;
import com.contactsync.normalize.QualityIssue;

import org.junit.jupiter.api.Test;

import java.util.List;

/** The fingerprint hashes what writes held before issues had paths, so kept state still matches after the upgrade. */
class ProfileWriteFingerprintTest {

    private static final List<EmailRow> ROWS = List.of(new EmailRow("a@x.io", "A@x.io", "x.io", null, true, 0));

    @Test
    void anIssuesJsonPathDoesNotChangeTheFingerprint() {
        QualityIssue withoutPath = new QualityIssue("email", 0, QualityCode.EMAIL_CASE, "A@x.io", "a@x.io", null);
        ProfileWrite before = new ProfileWrite(1, ROWS, List.of(), List.of(withoutPath));
        ProfileWrite after = new ProfileWrite(1, ROWS, List.of(), List.of(
                new QualityIssue("email", 0, QualityCode.EMAIL_CASE, "A@x.io", "a@x.io", null, "$.emails[0]")));

        assertThat(after.fingerprint()).isEqualTo(before.fingerprint());
    }

    @Test
    void everyOtherIssueColumnStillChangesIt() {
        ProfileWrite one = new ProfileWrite(1, ROWS, List.of(), List.of(
                new QualityIssue("email", 0, QualityCode.EMAIL_CASE, "A@x.io", "a@x.io", null, "$.emails[0]")));
        ProfileWrite other = new ProfileWrite(1, ROWS, List.of(), List.of(
                new QualityIssue("email", 1, QualityCode.EMAIL_CASE, "A@x.io", "a@x.io", null, "$.emails[0]")));

        assertThat(other.fingerprint()).isNotEqualTo(one.fingerprint());
    }
}
