package com.contactsync.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Makes reproducible, realistically messy profiles: the same seed and id always give the same
 * profile, whatever else was generated before, so any id range can be regenerated on its own.
 */
public final class ProfileGenerator {

    private static final String[] COUNTRIES = {
        "US", "US", "US", "GB", "DE", "DE", "FR", "JP", "BR", "IN", "IN", "CA", "ES", "IT", "NL", "MX", "AU"
    };

    private final long seed;
    private final GeneratorSettings settings;
    private final WeightedChoice emailCounts;
    private final WeightedChoice phoneCounts;
    private final ContactsLayout[] layouts;
    private final WeightedChoice layoutWeights;
    private final MessyEmails emails;
    private final MessyPhones phones;
    private final ContactsJsonWriter writer = new ContactsJsonWriter();
    private final ApiShapes apiShapes = new ApiShapes();
    private final MalformedContacts malformed = new MalformedContacts();

    public ProfileGenerator(long seed, GeneratorSettings settings) {
        this.seed = seed;
        this.settings = settings;
        GeneratorSettings.ProfileMix mix = settings.profiles();
        this.emailCounts = new WeightedChoice(mix.emailCountWeights());
        this.phoneCounts = new WeightedChoice(mix.phoneCountWeights());
        this.layouts = mix.layoutWeights().keySet().stream().sorted().toArray(ContactsLayout[]::new);
        List<Double> weights = new ArrayList<>();
        for (ContactsLayout layout : layouts) {
            weights.add(mix.layoutWeights().get(layout));
        }
        this.layoutWeights = new WeightedChoice(weights);
        this.emails = new MessyEmails(settings.emails());
        this.phones = new MessyPhones(settings.phones());
    }

    public GeneratedProfile generate(long id) {
        SplittableRandom random = new SplittableRandom(mix(seed, id));
        GeneratorSettings.ProfileMix mix = settings.profiles();
        String country = random.nextDouble() < mix.countryShare() ? WeightedChoice.oneOf(random, COUNTRIES) : null;
        PersonName name = PersonName.random(random);
        double roll = random.nextDouble();
        if (roll < mix.bigBlobShare()) {
            return bigBlob(random, id, country, name, mix.bigBlobMinEmails());
        }
        int emailCount = emailCounts.pick(random);
        int phoneCount = phoneCounts.pick(random);
        List<ContactEntry> emailEntries = emails.entries(random, emailCount, name);
        List<ContactEntry> phoneEntries = phones.entries(random, phoneCount, country);
        if (roll < mix.bigBlobShare() + mix.malformedShare()) {
            return new GeneratedProfile(id, malformed.generate(random, emailEntries, phoneEntries), country,
                    name.display(), GeneratedProfile.Kind.MALFORMED, emailCount, phoneCount);
        }
        ContactsLayout layout = layouts[layoutWeights.pick(random)];
        String contacts = ApiShapes.LAYOUTS.contains(layout)
                ? apiShapes.write(random, layout, name.display(), emailEntries, phoneEntries)
                : writer.write(random, layout, emailEntries, phoneEntries);
        return new GeneratedProfile(id, contacts, country, name.display(), GeneratedProfile.Kind.REGULAR,
                emailCount, phoneCount);
    }

    private GeneratedProfile bigBlob(SplittableRandom random, long id, String country, PersonName name, int minEmails) {
        int count = minEmails + random.nextInt(minEmails / 2 + 1);
        List<ContactEntry> entries = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            entries.add(ContactEntry.text(MessyEmails.bulkAddress(random, name, i)));
        }
        List<ContactEntry> phoneEntries = phones.entries(random, 1 + random.nextInt(3), country);
        String contacts = writer.write(random, ContactsLayout.STRING_ARRAYS, entries, phoneEntries);
        return new GeneratedProfile(id, contacts, country, name.display(), GeneratedProfile.Kind.BIG_BLOB,
                count, phoneEntries.size());
    }

    /** A well-spread seed per profile, so neighbouring ids get unrelated streams (SplitMix64 finalizer). */
    static long mix(long seed, long id) {
        long z = seed * 0x9E3779B97F4A7C15L + id;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
