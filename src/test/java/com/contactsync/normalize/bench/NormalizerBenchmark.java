package com.contactsync.normalize.bench;

import com.contactsync.generate.GeneratedProfile;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.QualityCode;
import com.contactsync.normalize.QualityIssue;
import com.contactsync.normalize.mapping.Mapping;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.EnumSet;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Throughput of the normalizer on one core, in profiles and in entries, over the generator's
 * realistic messy mix (run: {@code ./contactsync jmh NormalizerBenchmark}), per mapping: the default
 * ({@code default}), the default without the unmapped-contact detector ({@code no-detector}: ignore $), and
 * twelve rules of which two are Jayway filters ({@code twelve-rules}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 3, timeUnit = TimeUnit.SECONDS)
public class NormalizerBenchmark {

    private static final int PROFILES = 10_000;

    /** The mapping: default, no-detector or twelve-rules. */
    @Param({"default", "no-detector", "twelve-rules"})
    public String mapping;

    private ContactNormalizer normalizer;
    private String[] contacts;
    private String[] countries;
    /** Entries (emails + phones, as the JSON holds them) per profile in this mix. */
    public double entriesPerProfile;

    static final String TWELVE_RULES = "{\"emails\": [{\"path\": \"$.emails\"}, {\"path\": \"$.email\"},"
            + " {\"path\": \"$.emailAddresses\"}, {\"path\": \"$.properties.email\"},"
            + " {\"path\": \"$.properties.hs_additional_emails\", \"type\": \"other\"},"
            + " {\"path\": \"$[?(@.kind == 'email')]\", \"fields\": {\"email\": [\"value\"]}}],"
            + " \"phones\": [{\"path\": \"$.phones\"}, {\"path\": \"$.phone\"}, {\"path\": \"$.phoneNumbers\"},"
            + " {\"path\": \"$.businessPhones\", \"type\": \"work\"}, {\"path\": \"$.mobilePhone\", \"type\": \"mobile\"},"
            + " {\"path\": \"$[?(@.kind == 'phone')]\"}]}";

    static Mapping mapping(String name) {
        try {
            return switch (name) {
                case "default" -> Mapping.defaults();
                case "no-detector" -> Mapping.fromJson(new ObjectMapper().readTree("{\"ignore\": [\"$\"]}"));
                case "twelve-rules" -> Mapping.fromJson(new ObjectMapper().readTree(TWELVE_RULES));
                default -> throw new IllegalArgumentException("unknown mapping " + name);
            };
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Setup
    public void generate() {
        normalizer = new ContactNormalizer(NormalizerSettings.defaults().withMapping(mapping(mapping)));
        ProfileGenerator generator = new ProfileGenerator(42, GeneratorSettings.defaults());
        contacts = new String[PROFILES];
        countries = new String[PROFILES];
        long entries = 0;
        for (int i = 0; i < PROFILES; i++) {
            GeneratedProfile profile = generator.generate(i + 1);
            contacts[i] = profile.contacts();
            countries[i] = profile.country();
            entries += entriesOf(normalizer.normalize(contacts[i], countries[i]));
        }
        entriesPerProfile = entries / (double) PROFILES;
        System.out.printf("%n%.2f entries per profile in this mix%n", entriesPerProfile);
    }

    /**
     * The email and phone entries the normalizer worked on: every row, plus every entry that gave none
     * (a duplicate, an empty email, a phone without digits, an entry of an unusable shape).
     */
    static long entriesOf(NormalizedContacts result) {
        long entries = result.emails().size() + result.phones().size();
        for (QualityIssue issue : result.issues()) {
            if (ENTRIES_WITHOUT_ROW.contains(issue.code())) {
                entries++;
            }
        }
        return entries;
    }

    private static final Set<QualityCode> ENTRIES_WITHOUT_ROW = EnumSet.of(QualityCode.EMAIL_DUPLICATE,
            QualityCode.PHONE_DUPLICATE, QualityCode.EMAIL_EMPTY, QualityCode.PHONE_NO_DIGITS,
            QualityCode.CONTACTS_UNEXPECTED_SHAPE);

    /** One operation = one profile. Multiply by the entries per profile printed at setup for entries/s. */
    @Benchmark
    @OperationsPerInvocation(PROFILES)
    public void normalizeProfiles(Blackhole blackhole) {
        for (int i = 0; i < PROFILES; i++) {
            blackhole.consume(normalizer.normalize(contacts[i], countries[i]));
        }
    }
}
