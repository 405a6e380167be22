package com.contactsync.generate;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Phone entries as found in the wild: national and international spellings, extensions, junk. */
final class MessyPhones {

    private static final PhonePlan[] PLANS = PhonePlan.values();
    private static final WeightedChoice PLAN_WEIGHTS =
            new WeightedChoice(List.of(40.0, 12.0, 12.0, 10.0, 8.0, 8.0, 10.0)); // US GB DE FR JP BR IN
    private static final String[] INVALID = {
        "+1 123 456 7890", "555-0199", "+44 20 1234", "+49 151 123", "0000000000", "+33 1", "+81 0 1234 5678", "99999"
    };
    private static final String[] UNPARSEABLE = {
        "+999 555 0100", "1", "+0 123 4567", "12345678901234567890123", "++", "+-1", "tel:1", "+800"
    };
    private static final String[] NO_DIGITS = {"n/a", "N/A", "none", "-", "unknown", "keine", "—", "call me", "☎ ask"};
    private static final String[] EXTENSION_STYLES = {" ext. ", " ext ", " x", " x ", ";ext=", " #"};
    private static final double HOME_INTERNATIONAL = 0.2;
    private static final String[] LABELS = {"mobile", "home", "work", "cell", "Mobile", "fax", "other", ""};

    private final GeneratorSettings.PhoneMix mix;

    MessyPhones(GeneratorSettings.PhoneMix mix) {
        this.mix = mix;
    }

    List<ContactEntry> entries(SplittableRandom random, int count, String profileCountry) {
        List<ContactEntry> entries = new ArrayList<>(count);
        List<PhonePlan> plans = new ArrayList<>(count);
        List<String> numbers = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            PhonePlan plan;
            String nsn;
            if (!numbers.isEmpty() && random.nextDouble() < mix.duplicate()) {
                int earlier = random.nextInt(numbers.size());
                plan = plans.get(earlier);
                nsn = numbers.get(earlier);
            } else {
                plan = plan(random, profileCountry);
                nsn = plan.nationalNumber(random);
                plans.add(plan);
                numbers.add(nsn);
            }
            entries.add(entry(random, plan, nsn, profileCountry));
        }
        return entries;
    }

    /** A well-formed number of some country, written one of the usual ways (for tests of realism). */
    static String wellFormed(SplittableRandom random, PhonePlan plan) {
        String nsn = plan.nationalNumber(random);
        return random.nextBoolean() ? plan.international(random, nsn) : plan.national(random, nsn);
    }

    private ContactEntry entry(SplittableRandom random, PhonePlan plan, String nsn, String profileCountry) {
        String label = random.nextDouble() < mix.labeled() ? WeightedChoice.oneOf(random, LABELS) : null;
        double roll = random.nextDouble();
        if (roll < mix.noDigits()) {
            return new ContactEntry(WeightedChoice.oneOf(random, NO_DIGITS), null, label, null, null);
        }
        roll -= mix.noDigits();
        if (roll < mix.unparseable()) {
            return new ContactEntry(WeightedChoice.oneOf(random, UNPARSEABLE), null, label, null, null);
        }
        roll -= mix.unparseable();
        if (roll < mix.invalid()) {
            return new ContactEntry(WeightedChoice.oneOf(random, INVALID), null, label, null, null);
        }
        // People mostly write foreign numbers with the country code; a foreign number spelt nationally
        // parses right only when the entry names its region, which it sometimes does. Without a
        // profile country the normalizer's default region (US) is home.
        boolean home = plan.region().equals(profileCountry == null ? PhonePlan.US.region() : profileCountry);
        boolean international = random.nextDouble() < (home ? HOME_INTERNATIONAL : mix.international());
        String region = !international && random.nextDouble() < (home ? 0.125 : 0.5) ? plan.region() : null;
        if (random.nextDouble() < mix.jsonNumber()) {
            Long number = Long.parseLong(international ? plan.callingCode() + nsn : nsn);
            return new ContactEntry(null, number, label, region, null);
        }
        String text = international ? plan.international(random, nsn) : plan.national(random, nsn);
        String extension = null;
        if (random.nextDouble() < mix.extension()) {
            String digits = Integer.toString(1 + random.nextInt(random.nextBoolean() ? 99 : 9999));
            if (random.nextBoolean()) {
                extension = digits;
            } else {
                text = text + WeightedChoice.oneOf(random, EXTENSION_STYLES) + digits;
            }
        }
        return new ContactEntry(text, null, label, region, extension);
    }

    private static PhonePlan plan(SplittableRandom random, String profileCountry) {
        if (profileCountry != null && random.nextInt(10) < 7) {
            for (PhonePlan plan : PLANS) {
                if (plan.region().equals(profileCountry)) {
                    return plan;
                }
            }
        }
        return PLANS[PLAN_WEIGHTS.pick(random)];
    }
}
