package com.contactsync.source.change;

import static com.contactsync.config.ContactSyncOptions.KAFKA_BOOTSTRAP_SERVERS;
import static com.contactsync.config.ContactSyncOptions.KAFKA_GROUP_ID;
import static com.contactsync.config.ContactSyncOptions.KAFKA_TOPIC;
import static com.contactsync.config.ContactSyncOptions.LIVE_COVERAGE_TIMEOUT;
import static com.contactsync.config.ContactSyncOptions.LIVE_ON_GAP;
import static com.contactsync.config.ContactSyncOptions.LIVE_START;
import static com.contactsync.config.ContactSyncOptions.LIVE_UNAVAILABLE_PLACEHOLDER;
import static com.contactsync.config.ContactSyncOptions.LIVE_WATERMARK_TABLE;

import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;

import java.io.Serializable;
import java.time.Duration;
import java.util.Locale;

/** Where the change topic is and how the live sync starts reading it. */
public record LiveSettings(
        String bootstrapServers,
        String topic,
        String groupId,
        Start start,
        SqlIdentifier watermarkTable,
        Duration coverageTimeout,
        String unavailablePlaceholder,
        GapOptions.OnGap onGap)
        implements Serializable {

    /** Where a job without state starts reading the topic. */
    public enum Start {
        /** At the topic's end, once a watermark round trip proved the CDC is capturing. */
        COVERAGE,
        /** At the earliest retained offset. */
        EARLIEST;

        static Start parse(String text) {
            try {
                return valueOf(text.trim().toUpperCase(Locale.ROOT));
            } catch (RuntimeException e) {
                throw new IllegalArgumentException("live.start must be coverage or earliest, got '" + text + "'");
            }
        }
    }

    public LiveSettings {
        if (topic == null || topic.isBlank()) {
            throw new IllegalArgumentException("kafka.topic must not be empty");
        }
        if (groupId == null || groupId.isBlank()) {
            throw new IllegalArgumentException("kafka.group-id must not be empty");
        }
        if (coverageTimeout.isNegative() || coverageTimeout.isZero()) {
            throw new IllegalArgumentException("live.coverage-timeout must be positive");
        }
        bootstrapServers = bootstrapServers == null ? "" : bootstrapServers.trim();
    }

    /** The change topic as configured. */
    public static LiveSettings from(JobConfig config) {
        return new LiveSettings(
                config.get(KAFKA_BOOTSTRAP_SERVERS),
                config.get(KAFKA_TOPIC),
                config.get(KAFKA_GROUP_ID),
                Start.parse(config.get(LIVE_START)),
                SqlIdentifier.of(config.get(LIVE_WATERMARK_TABLE)),
                config.get(LIVE_COVERAGE_TIMEOUT),
                config.get(LIVE_UNAVAILABLE_PLACEHOLDER),
                GapOptions.OnGap.parse(config.get(LIVE_ON_GAP)));
    }
}
