package com.contactsync.normalize;

import static com.contactsync.config.ContactSyncOptions.MAPPING;
import static com.contactsync.config.ContactSyncOptions.NORMALIZE_DEFAULT_REGION;
import static com.contactsync.config.ContactSyncOptions.NORMALIZE_MAX_ENTRIES;

import com.contactsync.config.JobConfig;
import com.contactsync.normalize.mapping.Mapping;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

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

    /**
     * The normalization as configured, the mapping included: an invalid mapping fails here, when
     * the job (or a tool) starts, with the rule at fault named.
     */
    public static NormalizerSettings from(JobConfig config) {
        return new NormalizerSettings(config.get(NORMALIZE_DEFAULT_REGION), config.get(NORMALIZE_MAX_ENTRIES), mapping(config));
    }

    private static Mapping mapping(JobConfig config) {
        String json = config.get(MAPPING);
        if (json == null || json.isBlank()) {
            return Mapping.defaults();
        }
        try {
            return Mapping.fromJson(new ObjectMapper().readTree(json));
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("mapping: not a mapping section: " + e.getOriginalMessage(), e);
        }
    }

    /** The options' defaults (region US, at most 1000 entries per kind) and the default mapping. */
    public static NormalizerSettings defaults() {
        return new NormalizerSettings(NORMALIZE_DEFAULT_REGION.defaultValue(), NORMALIZE_MAX_ENTRIES.defaultValue());
    }

    /**
     * What decides a profile's rows, as one short text: region, entry limit and the mapping's
     * fingerprint. Two settings with the same fingerprint normalize every document alike.
     */
    public String fingerprint() {
        return "region=" + defaultRegion + ";max=" + maxEntriesPerKind + ";mapping=" + mapping.fingerprint();
    }

    /** These settings with another mapping. */
    public NormalizerSettings withMapping(Mapping mapping) {
        return new NormalizerSettings(defaultRegion, maxEntriesPerKind, mapping);
    }
}
