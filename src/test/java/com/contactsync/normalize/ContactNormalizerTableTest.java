package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/** Runs the table of messy contacts in {@code normalize/cases.json} and checks the table's coverage. */
class ContactNormalizerTableTest {

    private static final List<TableCase> CASES = TableCase.load("/normalize/cases.json");

    static List<TableCase> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void normalizesExactlyAsTheTableSays(TableCase c) {
        NormalizedContacts actual = new ContactNormalizer(c.settings()).normalize(c.text(), c.profileCountry());

        assertThat(actual.emails()).as("email rows").containsExactlyElementsOf(c.emails());
        assertThat(actual.phones()).as("phone rows").containsExactlyElementsOf(c.phones());
        assertThat(actual.issues()).as("issues").containsExactlyElementsOf(c.issues());
    }

    @Test
    void tableHasAtLeastEightyCasesWithUniqueNames() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(80);
        assertThat(CASES).extracting(TableCase::name).doesNotHaveDuplicates();
    }

    @Test
    void tableExpectsEveryQualityCodeAtLeastOnce() {
        Set<QualityCode> expected = EnumSet.noneOf(QualityCode.class);
        CASES.forEach(c -> c.issues().forEach(i -> expected.add(i.code())));
        assertThat(expected).containsExactlyInAnyOrder(QualityCode.values());
    }
}
