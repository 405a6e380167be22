package com.contactsync.normalize;

import static com.contactsync.config.ContactSyncOptions.NORMALIZE_DEFAULT_REGION;
import static com.contactsync.config.ContactSyncOptions.NORMALIZE_MAX_ENTRIES;

import com.contactsync.config.JobConfig;

import com.google.i18n.phonenumbers.PhoneNumberUtil;

import java.util.Locale;

/**
 * Immutable settings of a {@link ContactNormalizer}.
 *
 * @param defaultRegion     the ISO 3166 region used to parse phone numbers when neither the entry nor the
 *                          profile names one; upper-cased, must be a region libphonenumber supports
 * @param maxEntriesPerKind how many email entries, and how many phone entries, of one profile are processed
 */
public record NormalizerSettings(String defaultRegion, int maxEntriesPerKind) implements java.io.Serializable {

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
        defaultRegion = region;
    }

    /** The normalization as configured. */
    public static NormalizerSettings from(JobConfig config) {
        return new NormalizerSettings(config.get(NORMALIZE_DEFAULT_REGION), config.get(NORMALIZE_MAX_ENTRIES));
    }

    /** The options' defaults (region US, at most 1000 entries per kind). */
    public static NormalizerSettings defaults() {
        return new NormalizerSettings(NORMALIZE_DEFAULT_REGION.defaultValue(), NORMALIZE_MAX_ENTRIES.defaultValue());
    }
}
