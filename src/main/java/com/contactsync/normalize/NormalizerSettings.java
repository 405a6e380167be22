package com.contactsync.normalize;

import com.contactsync.normalize.mapping.Mapping;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.Locale;
import java.util.Objects;

/**
 * Immutable settings of a {@link ContactNormalizer}.
 *
 * @param defaultRegion     the ISO 3166 region used to parse phone numbers when neither the entry nor the
 *                          profile names one; upper-cased, must be a region libphonenumber supports
 * @param maxEntriesPerKind how many email entries, and how many phone entries, of one profile are processed
 * @param mapping           where the contacts JSON keeps emails and phones ({@link Mapping#defaults()}: the
 *                          classic {@code emails}/{@code email}/{@code phones}/{@code phone} keys)
 */
public record NormalizerSettings(String defaultRegion, int maxEntriesPerKind, Mapping mapping)
        implements java.io.Serializable {

    public NormalizerSettings {
        if (defaultRegion == null) {
            throw new IllegalArgumentException("defaultRegion must be a 2-letter ISO 3166 region, got null");
        }
        String region = defaultRegion.trim().toUpperCase(Locale.ROOT);
        if (region.length() != 2 || !PhoneNumberUtil.getInstance().getSupportedRegions().contains(region)) {
            throw new IllegalArgumentException("defaultRegion must be a 2-letter ISO 3166 region supported by"
                    + " libphonenumber (e.g. \"US\"), got \"" + defaultRegion + "\"");
        }
        if (maxEntriesPerKind <= 0) {
            throw new IllegalArgumentException("maxEntriesPerKind must be > 0, got " + maxEntriesPerKind);
        }
        Objects.requireNonNull(mapping, "mapping (use Mapping.defaults())");
        defaultRegion = region;
    }

    /** Settings with the default mapping. */
    public NormalizerSettings(String defaultRegion, int maxEntriesPerKind) {
        this(defaultRegion, maxEntriesPerKind, Mapping.defaults());
    }

    /** Region US, at most 1000 entries per kind, the default mapping. */
    public static NormalizerSettings defaults() {
        return new NormalizerSettings("US", 1000);
    }

    /** These settings with another mapping. */
    public NormalizerSettings withMapping(Mapping mapping) {
        return new NormalizerSettings(defaultRegion, maxEntriesPerKind, mapping);
    }
}
