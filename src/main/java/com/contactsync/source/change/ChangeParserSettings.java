package com.contactsync.source.change;

import static com.contactsync.config.ContactSyncOptions.LIVE_UNAVAILABLE_PLACEHOLDER;
import static com.contactsync.config.ContactSyncOptions.LIVE_WATERMARK_TABLE;

import com.contactsync.config.JobConfig;
import com.contactsync.config.ProfileTable;
import com.contactsync.config.SqlIdentifier;

import java.io.Serializable;
import java.util.Objects;

/**
 * Which tables and columns of the change topic {@link ChangeEventParser} reads, and Debezium's
 * placeholder for unchanged TOASTed values. Immutable.
 */
public final class ChangeParserSettings implements Serializable {

    private static final long serialVersionUID = 1L;

    /** The watermark table's column holding the marker id. */
    public static final String MARKER_COLUMN = "marker";

    private final ProfileTable profile;
    private final SqlIdentifier watermarkTable;
    private final String unavailablePlaceholder;

    /** The profile table with the options' default watermark table and placeholder. */
    public ChangeParserSettings(ProfileTable profileTable) {
        this(profileTable, SqlIdentifier.of(LIVE_WATERMARK_TABLE.defaultValue()), LIVE_UNAVAILABLE_PLACEHOLDER.defaultValue());
    }

    private ChangeParserSettings(ProfileTable profile, SqlIdentifier watermarkTable, String unavailablePlaceholder) {
        this.profile = Objects.requireNonNull(profile, "the profile table is required");
        this.watermarkTable = Objects.requireNonNull(watermarkTable, "the watermark table is required");
        if (unavailablePlaceholder == null || unavailablePlaceholder.isEmpty()) {
            throw new IllegalArgumentException("the unavailable-value placeholder must not be empty:"
                    + " use Debezium's unavailable.value.placeholder (default " + LIVE_UNAVAILABLE_PLACEHOLDER.defaultValue() + ")");
        }
        this.unavailablePlaceholder = unavailablePlaceholder;
    }

    /** The change events of the configured profile table, watermark table and placeholder. */
    public static ChangeParserSettings from(JobConfig config) {
        LiveSettings live = LiveSettings.from(config);
        return new ChangeParserSettings(config.profileTable(), live.watermarkTable(), live.unavailablePlaceholder());
    }

    public ChangeParserSettings withWatermarkTable(SqlIdentifier table) {
        return new ChangeParserSettings(profile, table, unavailablePlaceholder);
    }

    public ChangeParserSettings withUnavailablePlaceholder(String placeholder) {
        return new ChangeParserSettings(profile, watermarkTable, placeholder);
    }

    public String idColumn() {
        return profile.idColumn().toString();
    }

    public String contactsColumn() {
        return profile.contactsColumn().toString();
    }

    /** Null when there is none. */
    public String countryColumn() {
        return profile.hasCountryColumn() ? profile.countryColumn().toString() : null;
    }

    public String unavailablePlaceholder() {
        return unavailablePlaceholder;
    }

    /** Whether an event's {@code source.schema} and {@code source.table} name the profile table. */
    public boolean isProfileTable(String schema, String table) {
        return names(profile.table(), schema, table);
    }

    public boolean isWatermarkTable(String schema, String table) {
        return names(watermarkTable, schema, table);
    }

    /** An unqualified configured name matches that table in any schema. */
    private static boolean names(SqlIdentifier configured, String schema, String table) {
        String text = configured.toString();
        int dot = text.indexOf('.');
        if (dot < 0) {
            return text.equals(table);
        }
        return text.substring(0, dot).equals(schema) && text.substring(dot + 1).equals(table);
    }

}
