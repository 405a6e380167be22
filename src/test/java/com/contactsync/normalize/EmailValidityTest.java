package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.generate.GeneratedProfile;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.ProfileGenerator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.validator.routines.EmailValidator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

import java.util.Random;

/** {@link EmailValidity} must give exactly commons-validator's verdict, on any input. */
class EmailValidityTest {

    private static final EmailValidator LIBRARY = EmailValidator.getInstance(false, false);

    private final EmailValidity validity = new EmailValidity();

    @ParameterizedTest
    @ValueSource(strings = {
        "a@x.com", "john.doe@example.org", "j+tag@gmail.com", "x_y-z@sub.example.co.uk", "!#$%&*+/=?^_`{|}~-@x.com",
        "a..b@x.com", ".a@x.com", "a.@x.com", "@x.com", "a@", "a@x.com.", "a@x", "a@localhost", "a@com", "a@x.c0m",
        "a@x.invalidtld", "a@-x.com", "a@x-.com", "a@[127.0.0.1]", "a@[::1]", "\"john doe\"@x.com", "o'hara@x.com",
        "a@b@x.com", "a b@x.com", "a\\@b@x.com", "ü@x.com", "a@bücher.de", "a@xn--bcher-kva.de", "a@x..com",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.com",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@x.com", "a@x.com\n", "a@x .com",
        "a@1.2.3.4", "A@X.COM", "a@x.museum", "a@x.xn--p1ai", "(a)@x.com", "a@x.com@", "a,b@x.com", "a;b@x.com",
    })
    void agreesWithTheValidatorOnEdgeCases(String address) {
        assertThat(validity.isValid(address)).as(address).isEqualTo(LIBRARY.isValid(address));
        assertThat(validity.isValid(address)).as(address + ", asked again (remembered domain)").isEqualTo(LIBRARY.isValid(address));
    }

    @Test
    void agreesWithTheValidatorOnRandomAddresses() {
        Random random = new Random(7);
        String alphabet = "abcXYZ019.@-_+'\"\\ ()<>[],;:!#$%&*/=?^`{|}~ü\u00A0\t";
        String[] domains = {"x.com", "gmail.com", "x.c", "bücher.de", "[1.2.3.4]", "x.invalidtld", "-a.org", "a..b.net", ""};
        for (int i = 0; i < 50_000; i++) {
            StringBuilder s = new StringBuilder();
            int length = random.nextInt(70);
            for (int j = 0; j < length; j++) {
                s.append(alphabet.charAt(random.nextInt(alphabet.length())));
            }
            if (random.nextBoolean()) {
                s.append('@').append(domains[random.nextInt(domains.length)]);
            }
            String address = s.toString();
            assertThat(validity.isValid(address)).as(address).isEqualTo(LIBRARY.isValid(address));
        }
    }

    @Test
    void agreesWithTheValidatorOnTheGeneratorsMix() throws Exception {
        ObjectMapper json = new ObjectMapper();
        ProfileGenerator generator = new ProfileGenerator(11, GeneratorSettings.defaults());
        int checked = 0;
        for (int id = 1; id <= 5_000; id++) {
            GeneratedProfile profile = generator.generate(id);
            JsonNode root;
            try {
                root = json.readTree(profile.contacts());
            } catch (Exception malformed) {
                continue;
            }
            JsonNode emails = root == null ? null : root.get("emails");
            if (emails == null || !emails.isArray()) {
                continue;
            }
            for (JsonNode entry : emails) {
                String text = entry.isTextual() ? entry.asText() : entry.path("email").asText(entry.path("address").asText(""));
                String address = text.trim().toLowerCase(java.util.Locale.ROOT);
                assertThat(validity.isValid(address)).as(address).isEqualTo(LIBRARY.isValid(address));
                checked++;
            }
        }
        assertThat(checked).isGreaterThan(5_000);
    }
}
