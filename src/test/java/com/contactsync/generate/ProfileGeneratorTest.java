package com.contactsync.generate;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

class ProfileGeneratorTest {

    private static final ObjectMapper STRICT = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS).build();
    private static final int PROFILES = 100_000;

    @Test
    void sameSeedAndIdGiveTheSameProfileWhateverTheOrder() {
        List<Long> ids = new ArrayList<>();
        for (long id = 1; id <= 2_000; id++) {
            ids.add(id * 7919);
        }
        ProfileGenerator first = new ProfileGenerator(42, GeneratorSettings.defaults());
        List<GeneratedProfile> inOrder = new ArrayList<>();
        ids.forEach(id -> inOrder.add(first.generate(id)));

        Collections.shuffle(ids, new java.util.Random(1));
        ProfileGenerator second = new ProfileGenerator(42, GeneratorSettings.defaults());
        for (long id : ids) {
            assertThat(second.generate(id)).isEqualTo(inOrder.get((int) (id / 7919 - 1)));
        }
    }

    @Test
    void anotherSeedGivesOtherProfiles() {
        ProfileGenerator a = new ProfileGenerator(1, GeneratorSettings.defaults());
        ProfileGenerator b = new ProfileGenerator(2, GeneratorSettings.defaults());
        int same = 0;
        for (long id = 1; id <= 1_000; id++) {
            same += java.util.Objects.equals(a.generate(id).contacts(), b.generate(id).contacts()) ? 1 : 0;
        }
        assertThat(same).as("only empty contacts may coincide").isLessThan(100);
    }

    @Test
    void entryCountsStayInRangeExceptTheRareBigBlobs() {
        ProfileGenerator generator = new ProfileGenerator(5, GeneratorSettings.defaults());
        int bigBlobs = 0;
        int oneToThreeEmails = 0;
        int withCountry = 0;
        for (long id = 1; id <= PROFILES; id++) {
            GeneratedProfile p = generator.generate(id);
            withCountry += p.country() != null ? 1 : 0;
            if (p.kind() == GeneratedProfile.Kind.BIG_BLOB) {
                bigBlobs++;
                assertThat(p.emailEntries()).isGreaterThanOrEqualTo(2_000);
                assertThat(p.contacts().length()).as("TOASTed").isGreaterThan(30_000);
                continue;
            }
            assertThat(p.emailEntries()).isBetween(0, 20);
            assertThat(p.phoneEntries()).isBetween(0, 8);
            oneToThreeEmails += p.emailEntries() >= 1 && p.emailEntries() <= 3 ? 1 : 0;
        }
        assertThat(bigBlobs).as("about 1 in 5,000").isBetween(5, 45);
        assertThat(oneToThreeEmails).as("most profiles hold 1 to 3 emails").isGreaterThan(PROFILES * 7 / 10);
        assertThat(withCountry).as("about 30% name their country").isBetween(PROFILES * 28 / 100, PROFILES * 32 / 100);
    }

    @Test
    void aboutOneInAThousandIsMalformedAndEverythingElseIsStrictJson() {
        ProfileGenerator generator = new ProfileGenerator(9, GeneratorSettings.defaults());
        int malformed = 0;
        for (long id = 1; id <= PROFILES; id++) {
            GeneratedProfile p = generator.generate(id);
            boolean parses = p.contacts() == null || parses(p.contacts());
            if (p.kind() == GeneratedProfile.Kind.MALFORMED) {
                malformed++;
                assertThat(parses).as("malformed contacts of %s parse", p).isFalse();
            } else {
                assertThat(parses).as("contacts of %s do not parse", p).isTrue();
            }
        }
        assertThat(malformed).as("0.1% of 100,000").isBetween(60, 140);
    }

    private static boolean parses(String json) {
        try {
            STRICT.readTree(json);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
