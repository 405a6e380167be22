package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class QualityCodeTest {

    @ParameterizedTest
    @EnumSource(QualityCode.class)
    void everyCodeHasAOneLineDescription(QualityCode code) {
        assertThat(code.description()).isNotBlank().doesNotContain("\n").hasSizeLessThan(120);
    }

    @ParameterizedTest
    @EnumSource(QualityCode.class)
    void everyCodeNamesItsField(QualityCode code) {
        assertThat(code.name()).matches("(EMAIL|PHONE|CONTACTS|CONTACT)_[A-Z_]+");
    }
}
