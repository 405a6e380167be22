package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;

/** Runs the mapping table in {@code normalize/mapping-cases.json}: real-world shapes, their mappings, exact rows and issues with paths. */
class MappingCasesTest {

    private static final List<MappingCase> CASES = MappingCase.load("/normalize/mapping-cases.json");

    static List<MappingCase> cases() {
        return CASES;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void normalizesExactlyAsTheTableSays(MappingCase c) {
        NormalizedContacts actual = new ContactNormalizer(c.settings()).normalize(c.text(), c.profileCountry());

        assertThat(actual.emails()).as("email rows").containsExactlyElementsOf(c.emails());
        assertThat(actual.phones()).as("phone rows").containsExactlyElementsOf(c.phones());
        assertThat(actual.issues()).as("issues").containsExactlyElementsOf(c.issues());
    }

    @Test
    void tableHasUniqueNames() {
        assertThat(CASES).hasSizeGreaterThanOrEqualTo(15);
        assertThat(CASES).extracting(MappingCase::name).doesNotHaveDuplicates();
    }
}
