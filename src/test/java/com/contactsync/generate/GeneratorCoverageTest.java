package com.contactsync.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.QualityCode;
import com.contactsync.normalize.QualityIssue;

import org.junit.jupiter.api.Test;

import java.util.EnumMap;
import java.util.EnumSet;
import java.util.Map;

/** Proves the generator exercises the whole normalizer: every quality code turns up. */
class GeneratorCoverageTest {

    @Test
    void twentyThousandProfilesRaiseEveryQualityCode() {
        ProfileGenerator generator = new ProfileGenerator(2024, GeneratorSettings.defaults());
        ContactNormalizer normalizer = new ContactNormalizer(NormalizerSettings.defaults());
        Map<QualityCode, Integer> seen = new EnumMap<>(QualityCode.class);
        long emailRows = 0;
        long phoneRows = 0;
        for (long id = 1; id <= 20_000; id++) {
            GeneratedProfile p = generator.generate(id);
            NormalizedContacts n = normalizer.normalize(p.contacts(), p.country());
            emailRows += n.emails().size();
            phoneRows += n.phones().size();
            for (QualityIssue issue : n.issues()) {
                seen.merge(issue.code(), 1, Integer::sum);
            }
        }
        // Every code but the detector's: the default mix keeps all contacts where the default mapping reads them,
        // so a CONTACT_* issue here would be a false alarm (README: 0 in 20,000 profiles).
        assertThat(seen.keySet()).containsExactlyInAnyOrderElementsOf(
                EnumSet.complementOf(EnumSet.of(QualityCode.CONTACT_UNMAPPED, QualityCode.CONTACT_MENTIONED)));
        assertThat(emailRows).isGreaterThan(30_000);
        assertThat(phoneRows).isGreaterThan(20_000);
    }

    @Test
    void apiShapesUnderTheDefaultMappingRaiseTheDetectorsCodes() {
        ProfileGenerator generator = new ProfileGenerator(2024, GeneratorSettings.defaults().withApiShapes(10));
        ContactNormalizer normalizer = new ContactNormalizer(NormalizerSettings.defaults());
        Map<QualityCode, Integer> seen = new EnumMap<>(QualityCode.class);
        for (long id = 1; id <= 5_000; id++) {
            GeneratedProfile p = generator.generate(id);
            for (QualityIssue issue : normalizer.normalize(p.contacts(), p.country()).issues()) {
                seen.merge(issue.code(), 1, Integer::sum);
            }
        }
        assertThat(seen).containsKeys(QualityCode.CONTACT_UNMAPPED, QualityCode.CONTACT_MENTIONED);
    }
}
