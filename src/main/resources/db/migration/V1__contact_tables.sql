-- Normalized contacts written by ContactSync. The profile table itself belongs to the monolith.

CREATE TABLE profile_email (
    profile_id  bigint      NOT NULL,
    email       text        NOT NULL,  -- normalized key: trimmed, unwrapped, lowercased, ASCII domain
    email_raw   text        NOT NULL,  -- the entry as the JSON had it
    domain      text,                  -- ASCII (punycode) domain, null when there is no '@'
    type        text,                  -- type/label from the JSON, if any
    is_valid    boolean     NOT NULL,
    position    integer     NOT NULL,  -- index of the entry among the profile's emails in the JSON
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (profile_id, email)
);
-- Reverse lookup (which profiles hold this address?) and per-domain reports.
CREATE INDEX profile_email_email_idx ON profile_email (email);
CREATE INDEX profile_email_domain_idx ON profile_email (domain);

CREATE TABLE profile_phone (
    profile_id  bigint      NOT NULL,
    phone       text        NOT NULL,  -- E.164 when valid; the documented fallback key otherwise
    extension   text        NOT NULL DEFAULT '',
    phone_raw   text        NOT NULL,
    country     text,                  -- ISO 3166 region of the number (or the one used to parse it)
    type        text,
    is_valid    boolean     NOT NULL,
    position    integer     NOT NULL,
    updated_at  timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (profile_id, phone, extension)
);
CREATE INDEX profile_phone_phone_idx ON profile_phone (phone);

-- The current quality issues of each profile: replaced, not appended, when the profile is processed again.
CREATE TABLE contact_quality_issue (
    profile_id        bigint      NOT NULL,
    issue_no          integer     NOT NULL,  -- order of the issue within the profile
    field             text        NOT NULL,  -- email | phone | contacts
    position          integer     NOT NULL,  -- entry position, -1 for the whole contacts value
    code              text        NOT NULL,
    raw_value         text,
    normalized_value  text,
    suggestion        text,
    detected_at       timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (profile_id, issue_no)
);
CREATE INDEX contact_quality_issue_code_idx ON contact_quality_issue (code);

-- Bookkeeping: one row per run of the job started through the command line.
CREATE TABLE contactsync_run (
    run_id          uuid        PRIMARY KEY,
    mode            text        NOT NULL,
    started_at      timestamptz NOT NULL DEFAULT now(),
    finished_at     timestamptz,
    status          text        NOT NULL,  -- RUNNING | FINISHED | FAILED
    backfill_upper_bound bigint,
    profiles_read   bigint,
    seconds         double precision,
    detail          jsonb
);

-- Bookkeeping: progress samples of a run, for the migration-progress notebook.
CREATE TABLE contactsync_progress (
    run_id          uuid        NOT NULL REFERENCES contactsync_run (run_id) ON DELETE CASCADE,
    sampled_at      timestamptz NOT NULL DEFAULT now(),
    profiles_read   bigint      NOT NULL,
    email_rows      bigint,
    phone_rows      bigint,
    rows_per_second double precision,
    PRIMARY KEY (run_id, sampled_at)
);
