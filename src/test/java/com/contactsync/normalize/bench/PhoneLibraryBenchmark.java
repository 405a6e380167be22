package com.contactsync.normalize.bench;

import com.contactsync.generate.GeneratedProfile;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.normalize.ContactNormalizer;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.PhoneRow;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
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

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * libphonenumber alone on the generator's phone numbers, one core: parse, region, validity, E.164 —
 * the calls every phone entry costs the normalizer, and so its ceiling for phones
 * (run: {@code ./contactsync jmh PhoneLibraryBenchmark}).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@Threads(1)
@Fork(value = 1, jvmArgs = {"-Xmx1g"})
@Warmup(iterations = 3, time = 3, timeUnit = TimeUnit.SECONDS)
@Measurement(iterations = 5, time = 3, timeUnit = TimeUnit.SECONDS)
public class PhoneLibraryBenchmark {

    private static final int PHONES = 10_000;
    private static final PhoneNumberUtil LIBRARY = PhoneNumberUtil.getInstance();

    private String[] numbers;
    private String[] regions;

    @Setup
    public void collectPhones() {
        ProfileGenerator generator = new ProfileGenerator(42, GeneratorSettings.defaults());
        ContactNormalizer normalizer = new ContactNormalizer(NormalizerSettings.defaults());
        List<String> n = new ArrayList<>();
        List<String> r = new ArrayList<>();
        for (long id = 1; n.size() < PHONES; id++) {
            GeneratedProfile profile = generator.generate(id);
            for (PhoneRow row : normalizer.normalize(profile.contacts(), profile.country()).phones()) {
                if (n.size() < PHONES) {
                    n.add(row.phoneRaw().strip());
                    r.add(row.country() == null ? "US" : row.country());
                }
            }
        }
        numbers = n.toArray(String[]::new);
        regions = r.toArray(String[]::new);
    }

    /** One operation = one phone entry. */
    @Benchmark
    @OperationsPerInvocation(PHONES)
    public void parseValidateFormat(Blackhole blackhole) {
        for (int i = 0; i < PHONES; i++) {
            try {
                PhoneNumber parsed = LIBRARY.parse(numbers[i], regions[i]);
                String region = LIBRARY.getRegionCodeForNumber(parsed);
                boolean valid = region != null && LIBRARY.isValidNumberForRegion(parsed, region);
                blackhole.consume(valid ? LIBRARY.format(parsed, PhoneNumberFormat.E164) : region);
            } catch (NumberParseException e) {
                blackhole.consume(e);
            }
        }
    }
}
