package com.contactsync.cli;

import com.contactsync.config.JobConfig;
import com.contactsync.normalize.NormalizerSettings;
import com.contactsync.normalize.mapping.Mapping;
import com.contactsync.shapes.CensusReport;
import com.contactsync.shapes.CensusResult;
import com.contactsync.shapes.ProfileSampler;
import com.contactsync.shapes.ShapeCensus;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.PrintStream;
import java.util.Locale;
import java.util.concurrent.Callable;

/**
 * {@code shapes}: the shape census of the contacts column on a sample: every JSON path, how many profiles
 * have it, its types, the emails and phones there, whether the mapping covers it, and rules for what it misses.
 */
@Command(name = "shapes", description = "Sample the contacts JSON: every path, its types and contacts, what the mapping"
        + " covers, and proposed rules for the contacts it misses. Read-only.")
final class ShapesCommand implements Callable<Integer> {

    @Mixin
    DatabaseOptions database;

    @Option(names = "--sample", defaultValue = "10000", description = "Profiles to sample (default ${DEFAULT-VALUE}).")
    int sample;

    @Option(names = "--json", description = "Print one JSON object: sampled, paths, coverage, proposal.")
    boolean json;

    @Override
    public Integer call() {
        if (sample <= 0) {
            throw new IllegalArgumentException("--sample must be > 0 profiles, got " + sample);
        }
        JobConfig config = database.load();
        Mapping mapping = mapping(config);
        long started = System.nanoTime();
        ProfileSampler.Sample profiles = sample(config, sample);
        long sampled = System.nanoTime();
        CensusResult result = census(config, mapping, profiles);
        long counted = System.nanoTime();
        PrintStream out = System.out;
        if (json) {
            out.println(CensusReport.json(result).toPrettyString());
            return 0;
        }
        String source = String.format(Locale.ROOT, "%s (about %,d rows; %s)", config.profileTable().table(), profiles.estimatedRows(),
                profiles.percent() >= 100 ? "read whole" : String.format(Locale.ROOT, "TABLESAMPLE SYSTEM %.4g %%", profiles.percent()));
        CensusReport.table(result, source, out);
        out.printf(Locale.ROOT, "%nsampled in %.2f s, counted in %.2f s; mapping %s%n", (sampled - started) / 1e9,
                (counted - sampled) / 1e9, mappingName(mapping));
        return 0;
    }

    /** The mapping the job would run with (the configuration's {@code mapping:} section), so the census judges that one. */
    static Mapping mapping(JobConfig config) {
        return NormalizerSettings.from(config).mapping();
    }

    static ProfileSampler.Sample sample(JobConfig config, int size) {
        return new ProfileSampler(config.source(), config.profileTable().table(), config.profileTable().contactsColumn(),
                config.profileTable().countryColumn()).sample(size);
    }

    /** The census of sampled profiles under a mapping (tests pass other mappings than the configured one). */
    static CensusResult census(JobConfig config, Mapping mapping, ProfileSampler.Sample sample) {
        ShapeCensus census = new ShapeCensus(mapping, NormalizerSettings.from(config).defaultRegion());
        sample.profiles().forEach(p -> census.add(p.contacts(), p.country()));
        return census.result();
    }

    private static String mappingName(Mapping mapping) {
        return (mapping.isDefault() ? "default " : "") + mapping.fingerprint();
    }
}
