-- Gaps in the change topic: offsets the job had to continue at but the topic no longer held (retention),
-- recorded by live.on-gap=resnapshot before it requested a full re-snapshot. One row per gap, however often it is found.

CREATE TABLE contactsync_gap (
    topic            text        NOT NULL,
    partition        integer     NOT NULL,
    expected_offset  bigint      NOT NULL,  -- the next offset the job would have read
    earliest_offset  bigint      NOT NULL,  -- where the partition started when the gap was found
    end_offset       bigint      NOT NULL,  -- where it ended (below expected_offset: the topic was re-created)
    detected_at      timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (topic, partition, expected_offset)
);
