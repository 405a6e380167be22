package com.contactsync.generate;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.Set;

/** The opt-in API shapes change nothing unless asked for, and appear when they are. */
class ApiShapesTest {

    @Test
    void theDefaultOutputIsWhatItWasBeforeApiShapesExisted() throws Exception {
        // Hash of 20,000 profiles of seed 20261 taken on the build before the API shapes (1d73ab8).
        assertThat(hash(new ProfileGenerator(20261, GeneratorSettings.defaults())))
                .isEqualTo("af603f951b2b308b6aedfce06095245931e198b5c5f577184c7e998b39727eb5");
    }

    @Test
    void withApiShapesEveryShapeTurnsUp() {
        ProfileGenerator generator = new ProfileGenerator(7, GeneratorSettings.defaults().withApiShapes(10));
        Set<String> seen = new java.util.TreeSet<>();
        for (long id = 1; id <= 2_000; id++) {
            String contacts = generator.generate(id).contacts();
            if (contacts == null) {
                continue;
            }
            for (String marker : new String[] {"resourceName", "businessPhones", "hs_object_id", "\"primary\"", "work_email", "\"kind\":\"email\""}) {
                if (contacts.contains(marker)) {
                    seen.add(marker);
                }
            }
        }
        assertThat(seen).hasSize(6);
        assertThat(EnumSet.copyOf(ApiShapes.LAYOUTS)).hasSize(6);
    }

    private static String hash(ProfileGenerator generator) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        for (long id = 1; id <= 20_000; id++) {
            GeneratedProfile p = generator.generate(id);
            md.update(String.valueOf(p).getBytes(StandardCharsets.UTF_8));
            md.update(String.valueOf(p.contacts()).getBytes(StandardCharsets.UTF_8));
            md.update(String.valueOf(p.country()).getBytes(StandardCharsets.UTF_8));
            md.update(p.name().getBytes(StandardCharsets.UTF_8));
        }
        return HexFormat.of().formatHex(md.digest());
    }
}
