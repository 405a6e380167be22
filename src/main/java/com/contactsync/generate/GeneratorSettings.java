package com.contactsync.generate;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * How often each kind of mess appears in generated profiles, in one place; {@link #defaults()} is
 * tuned so that a few thousand profiles exercise every branch of the normalizer.
 */
public record GeneratorSettings(ProfileMix profiles, EmailMix emails, PhoneMix phones) {

    /** Shares of whole-profile features, and the weights of the entry counts and JSON layouts. */
    public record ProfileMix(
            double countryShare,
            double malformedShare,
            double bigBlobShare,
            int bigBlobMinEmails,
            List<Double> emailCountWeights,
            List<Double> phoneCountWeights,
            Map<ContactsLayout, Double> layoutWeights) {

        public ProfileMix {
            requireShare("countryShare", countryShare);
            requireShare("malformedShare", malformedShare);
            requireShare("bigBlobShare", bigBlobShare);
            if (bigBlobMinEmails < 1) {
                throw new IllegalArgumentException("bigBlobMinEmails must be >= 1, got " + bigBlobMinEmails);
            }
            emailCountWeights = List.copyOf(emailCountWeights);
            phoneCountWeights = List.copyOf(phoneCountWeights);
            layoutWeights = Map.copyOf(layoutWeights);
        }
    }

    /** Per email entry: the chance of each defect. */
    public record EmailMix(
            double duplicate, double whitespace, double upperCase, double wrapped, double typo,
            double invalid, double idn, double empty, double labeled) {

        public EmailMix {
            for (double share : new double[] {duplicate, whitespace, upperCase, wrapped, typo, invalid, idn, empty, labeled}) {
                requireShare("email share", share);
            }
        }
    }

    /**
     * Per phone entry: the chance of each defect or variant; {@code international} is the chance a
     * number from another country than the profile's is written with its country code.
     */
    public record PhoneMix(
            double duplicate, double international, double extension, double invalid,
            double unparseable, double noDigits, double jsonNumber, double labeled) {

        public PhoneMix {
            for (double share : new double[] {duplicate, international, extension, invalid, unparseable, noDigits, jsonNumber, labeled}) {
                requireShare("phone share", share);
            }
        }
    }

    public static GeneratorSettings defaults() {
        Map<ContactsLayout, Double> layouts = new EnumMap<>(ContactsLayout.class);
        layouts.put(ContactsLayout.STRING_ARRAYS, 40.0);
        layouts.put(ContactsLayout.OBJECT_ARRAYS, 22.0);
        layouts.put(ContactsLayout.MIXED_ARRAYS, 5.0);
        layouts.put(ContactsLayout.SEPARATED_STRINGS, 9.0);
        layouts.put(ContactsLayout.SINGULAR_KEYS, 9.0);
        layouts.put(ContactsLayout.DOUBLE_ENCODED, 3.0);
        layouts.put(ContactsLayout.EMPTY, 6.0);
        layouts.put(ContactsLayout.UNEXPECTED, 1.5);
        return new GeneratorSettings(
                new ProfileMix(
                        0.30,
                        0.001,
                        1.0 / 5_000,
                        2_000,
                        // 0..20 emails: most profiles hold one to three.
                        List.of(6.0, 38.0, 24.0, 13.0, 7.0, 4.0, 2.5, 1.5, 1.0, 0.7, 0.5,
                                0.4, 0.3, 0.25, 0.2, 0.15, 0.12, 0.1, 0.08, 0.06, 0.05),
                        // 0..8 phones.
                        List.of(20.0, 40.0, 22.0, 9.0, 4.0, 2.0, 1.5, 1.0, 0.5),
                        layouts),
                new EmailMix(0.06, 0.08, 0.08, 0.05, 0.02, 0.06, 0.01, 0.015, 0.4),
                new PhoneMix(0.08, 0.9, 0.04, 0.04, 0.015, 0.015, 0.04, 0.4));
    }

    /**
     * These settings plus the opt-in {@link ContactsLayout}s of other systems (Google People, Microsoft Graph,
     * HubSpot properties, nested objects, flat keys, a typed list), each with {@code weightEach} (the default
     * layouts weigh 100 in all). They need a mapping to be read; under the default mapping they show what the
     * unmapped-contact detector finds. Off by default: the default output stays as it was, seed for seed.
     */
    public GeneratorSettings withApiShapes(double weightEach) {
        if (!(weightEach > 0)) {
            throw new IllegalArgumentException("weightEach must be > 0, got " + weightEach);
        }
        Map<ContactsLayout, Double> layouts = new EnumMap<>(profiles.layoutWeights());
        for (ContactsLayout layout : ApiShapes.LAYOUTS) {
            layouts.put(layout, weightEach);
        }
        return withProfiles(new ProfileMix(profiles.countryShare(), profiles.malformedShare(), profiles.bigBlobShare(),
                profiles.bigBlobMinEmails(), profiles.emailCountWeights(), profiles.phoneCountWeights(), layouts));
    }

    public GeneratorSettings withProfiles(ProfileMix mix) {
        return new GeneratorSettings(mix, emails, phones);
    }

    private static void requireShare(String name, double share) {
        if (!(share >= 0 && share <= 1)) {
            throw new IllegalArgumentException(name + " must be a share in 0..1, got " + share);
        }
    }
}
