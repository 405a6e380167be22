-- Change-topic records ContactSync could not use (malformed, unsupported), kept instead of failing the job.

CREATE TABLE contactsync_dead_letter (
    topic            text        NOT NULL,
    kafka_partition  integer     NOT NULL,
    kafka_offset     bigint      NOT NULL,
    reason           text        NOT NULL,  -- why the record was not used; never holds contact values
    raw_value        bytea,                 -- the record's value, capped (first 64 KiB); null for a null value
    raw_length       integer,               -- length of the whole value in bytes, -1 for a null value
    received_at      timestamptz NOT NULL DEFAULT now(),
    -- The Kafka coordinates: a replayed record is inserted once (ON CONFLICT DO NOTHING).
    PRIMARY KEY (topic, kafka_partition, kafka_offset)
);
-- Recent dead letters first, and clean-up of old ones.
CREATE INDEX contactsync_dead_letter_received_at_idx ON contactsync_dead_letter (received_at);
