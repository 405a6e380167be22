package com.contactsync.normalize.bench;

import com.contactsync.generate.GeneratedProfile;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizedContacts;
import com.contactsync.normalize.NormalizerSettings;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

import java.util.concurrent.TimeUnit;

/**
 * Throughput of the normalizer on one core, in profiles and in entries, over the generator's
 * realistic messy mix (run: {@code ./contactsync jmh NormalizerBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 3, timeUnit = TimeUnit.SECONDS)
public class NormalizerBenchmark {

    private static final int PROFILES = 10_000;

    private final ContactNormalizer normalizer = new ContactNormalizer(NormalizerSettings.defaults());
    private String[] contacts;
    private String[] countries;
    /** Entries (emails + phones, as the JSON holds them) per profile in this mix. */
    public double entriesPerProfile;

    @Setup
    public void generate() {
        ProfileGenerator generator = new ProfileGenerator(42, GeneratorSettings.defaults());
        contacts = new String[PROFILES];
        countries = new String[PROFILES];
        long entries = 0;
        for (int i = 0; i < PROFILES; i++) {
            GeneratedProfile profile = generator.generate(i + 1);
            contacts[i] = profile.contacts();
            countries[i] = profile.country();
            NormalizedContacts n = normalizer.normalize(contacts[i], countries[i]);
            entries += n.emails().size() + n.phones().size();
        }
        entriesPerProfile = entries / (double) PROFILES;
        System.out.printf("%n%.2f stored entries per profile in this mix%n", entriesPerProfile);
    }

    /** One operation = one profile. Multiply by the entries per profile printed at setup for entries/s. */
    @Benchmark
    @OperationsPerInvocation(PROFILES)
    public void normalizeProfiles(Blackhole blackhole) {
        for (int i = 0; i < PROFILES; i++) {
            blackhole.consume(normalizer.normalize(contacts[i], countries[i]));
        }
    }
}
