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
    private static final Set<QualityCode> DETECTOR_CODES = EnumSet.of(QualityCode.CONTACT_UNMAPPED,
            QualityCode.CONTACT_MENTIONED);

    static List<TableCase> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void normalizesExactlyAsTheTableSays(TableCase c) {
        NormalizedContacts actual = new ContactNormalizer(c.settings()).normalize(c.text(), c.profileCountry());

        assertThat(actual.emails()).as("email rows").containsExactlyElementsOf(c.emails());
        assertThat(actual.phones()).as("phone rows").containsExactlyElementsOf(c.phones());
        // The classic table predates issue paths and the unmapped-contact detector: its expectations hold for
        // everything else. mapping-cases.json checks paths and detector issues, among them the one case here
        // with an unmapped contact ("unknown keys are ignored, even nested emails").
        assertThat(actual.issues()).as("issues").filteredOn(i -> !DETECTOR_CODES.contains(i.code()))
                .extracting(QualityIssue::withoutJsonPath).containsExactlyElementsOf(c.issues());
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
        assertThat(expected).containsExactlyInAnyOrderElementsOf(EnumSet.complementOf(EnumSet.copyOf(DETECTOR_CODES)));
        MappingCase.load("/normalize/mapping-cases.json").forEach(c -> c.issues().forEach(i -> expected.add(i.code())));
        assertThat(expected).as("codes expected by the classic and the mapping table").containsExactlyInAnyOrder(QualityCode.values());
    }
}
