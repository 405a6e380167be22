package com.contactsync.normalize;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.normalize.mapping.Mapping;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The facade's contract beyond the table: serialization, sharing between threads, immutable results. */
class ContactNormalizerTest {

    private static final String CONTACTS = "{\"emails\":[\" A@x.com \",\"a@x.com\"],\"phones\":[\"020 7946 0018\"]}";

    @Test
    void survivesJavaSerializationAndStillWorks() throws Exception {
        ContactNormalizer original = new ContactNormalizer(new NormalizerSettings("GB", 7));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        ContactNormalizer copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ContactNormalizer) in.readObject();
        }

        assertThat(copy.settings()).isEqualTo(original.settings());
        assertThat(copy.normalize(CONTACTS, null)).isEqualTo(original.normalize(CONTACTS, null));
        assertThat(copy.normalize(CONTACTS, null).phones()).extracting(PhoneRow::phone)
                .containsExactly("+442079460018");
    }

    @Test
    void aMappingWithFiltersTravelsWithTheNormalizerAndIsCompiledAgain() throws Exception {
        Mapping mapping = MappingCase.mapping(TableCase.JSON.readTree(
                "{\"emails\": [{\"path\": \"$[?(@.kind == 'email')]\", \"fields\": {\"email\": [\"value\"]}}]}"));
        ContactNormalizer original = new ContactNormalizer(NormalizerSettings.defaults().withMapping(mapping));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(original);
        }
        ContactNormalizer copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            copy = (ContactNormalizer) in.readObject();
        }

        assertThat(copy.settings().mapping()).isEqualTo(mapping);
        assertThat(copy.normalize("[{\"kind\":\"email\",\"value\":\"a@x.com\"}]", null).emails())
                .extracting(EmailRow::email).containsExactly("a@x.com");
    }

    @Test
    void oneInstanceServesManyThreads() throws Exception {
        ContactNormalizer shared = new ContactNormalizer(NormalizerSettings.defaults());
        List<TableCase> cases = TableCase.load("/normalize/cases.json");
        List<NormalizedContacts> expected = new ArrayList<>();
        for (TableCase c : cases) {
            expected.add(shared.normalize(c.text(), c.profileCountry()));
        }

        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> runs = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                runs.add(pool.submit(() -> {
                    for (int round = 0; round < 20; round++) {
                        for (int i = 0; i < cases.size(); i++) {
                            TableCase c = cases.get(i);
                            if (!shared.normalize(c.text(), c.profileCountry()).equals(expected.get(i))) {
                                return false;
                            }
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> run : runs) {
                assertThat(run.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resultListsAreImmutable() {
        NormalizedContacts result = new ContactNormalizer(NormalizerSettings.defaults()).normalize(CONTACTS, null);

        assertThatThrownBy(() -> result.emails().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.phones().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> result.issues().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void blankProfileCountryUsesTheDefaultRegion() {
        ContactNormalizer normalizer = new ContactNormalizer(new NormalizerSettings("GB", 10));

        assertThat(normalizer.normalize(CONTACTS, "   ").phones()).extracting(PhoneRow::country).containsExactly("GB");
        assertThat(normalizer.normalize(CONTACTS, "US").phones()).extracting(PhoneRow::valid).containsExactly(false);
    }

    @Test
    void settingsAreRequired() {
        assertThatThrownBy(() -> new ContactNormalizer(null)).isInstanceOf(NullPointerException.class);
    }
}
