package com.contactsync.verify;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

class ProfileDiffTest {

    private static final List<Object> ALICE = email("alice@example.com", true, 0);
    private static final List<Object> BOB = email("bob@example.com", true, 1);
    private static final List<Object> PHONE = Arrays.asList("+12025550123", "", "(202) 555-0123", "US", null, true, 0);

    @Test
    void equalRowsInAnyOrderAreConsistent() {
        assertThat(ProfileDiff.compare(1, rows(ALICE, BOB), rows(BOB, ALICE))).isEmpty();
    }

    @Test
    void aMissingRowIsReportedWithItsKeyMasked() {
        List<Mismatch> found = ProfileDiff.compare(7, rows(ALICE, BOB), rows(ALICE));

        assertThat(found).containsExactly(new Mismatch(7, "profile_email", MismatchKind.MISSING_ROW,
                "missing row email=b***@example.com domain=example.com type=null is_valid=true position=1"));
    }

    @Test
    void anExtraRowIsUnexpected() {
        List<Mismatch> found = ProfileDiff.compare(7, rows(ALICE), rows(ALICE, BOB));

        assertThat(found).extracting(Mismatch::kind).containsExactly(MismatchKind.UNEXPECTED_ROW);
    }

    @Test
    void theSameKeyWithOtherValuesIsADifferentValue() {
        List<Mismatch> found = ProfileDiff.compare(7, rows(ALICE), rows(email("alice@example.com", false, 3)));

        assertThat(found).containsExactly(new Mismatch(7, "profile_email", MismatchKind.DIFFERENT_VALUE,
                "email=a***@example.com: is_valid expected true, found false; position expected 0, found 3"));
    }

    @Test
    void rowsAreComparedAsMultisets() {
        List<Mismatch> found = ProfileDiff.compare(7, rows(ALICE, ALICE), rows(ALICE));

        assertThat(found).extracting(Mismatch::kind).containsExactly(MismatchKind.MISSING_ROW);
    }

    @Test
    void phoneDetailsNeverHoldTheNumber() {
        ProfileRows actual = new ProfileRows();
        actual.add(ContactTable.PHONE, Arrays.asList("+12025550123", "", "202 555 0123", "US", null, true, 0));
        ProfileRows expected = new ProfileRows();
        expected.add(ContactTable.PHONE, PHONE);

        List<Mismatch> found = ProfileDiff.compare(9, expected, actual);

        assertThat(found).singleElement().satisfies(m -> {
            assertThat(m.kind()).isEqualTo(MismatchKind.DIFFERENT_VALUE);
            assertThat(m.detail()).isEqualTo("phone=+1******0123 extension=: phone_raw expected 2*****0123, found 2*****0123")
                    .doesNotContain("5550123");
        });
    }

    @Test
    void anOrphanIsReportedOncePerTableHoldingRows() {
        ProfileRows actual = rows(ALICE, BOB);
        actual.add(ContactTable.PHONE, PHONE);

        assertThat(ProfileDiff.orphaned(5, actual))
                .extracting(Mismatch::table, Mismatch::kind, Mismatch::detail)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("profile_email", MismatchKind.ORPHANED_PROFILE,
                                "profile is not in the source, 2 row(s) remain"),
                        org.assertj.core.groups.Tuple.tuple("profile_phone", MismatchKind.ORPHANED_PROFILE,
                                "profile is not in the source, 1 row(s) remain"));
    }

    private static List<Object> email(String email, boolean valid, int position) {
        return Arrays.asList(email, email, "example.com", null, valid, position);
    }

    @SafeVarargs
    private static ProfileRows rows(List<Object>... emails) {
        ProfileRows rows = new ProfileRows();
        for (List<Object> email : emails) {
            rows.add(ContactTable.EMAIL, email);
        }
        return rows;
    }
}
