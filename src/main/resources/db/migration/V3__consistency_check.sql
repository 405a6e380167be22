-- Runs of `./contactsync verify`: the independent consistency check of the target tables against the source.

CREATE TABLE consistency_check (
    run_id           uuid             PRIMARY KEY,
    started_at       timestamptz      NOT NULL DEFAULT now(),
    finished_at      timestamptz,               -- null while running, or when the run died
    status           text             NOT NULL, -- RUNNING | CONSISTENT | DRIFT | FAILED
    source_table     text             NOT NULL,
    sample_fraction  double precision NOT NULL, -- 1 = every profile
    sample_seed      bigint           NOT NULL, -- the same seed picks the same profiles
    threads          integer          NOT NULL,
    checked          bigint,                    -- source profiles compared
    mismatched       bigint,                    -- profiles (orphans included) still differing after the re-check
    rechecked        bigint,                    -- profiles compared again after the grace period
    counts_by_kind   jsonb            NOT NULL DEFAULT '{}', -- {"MISSING_ROW": n, "UNEXPECTED_ROW": n, ...}
    details_stored   integer          NOT NULL DEFAULT 0,    -- rows in consistency_check_mismatch (capped)
    seconds          double precision,
    failure          text                       -- why a FAILED run failed; never holds contact values
);
-- The consistency history, newest first.
CREATE INDEX consistency_check_started_at_idx ON consistency_check (started_at);

-- The mismatches of a run, lowest profile ids first, capped by --max-details. Details are masked.
CREATE TABLE consistency_check_mismatch (
    run_id       uuid    NOT NULL REFERENCES consistency_check (run_id) ON DELETE CASCADE,
    mismatch_no  integer NOT NULL,
    profile_id   bigint  NOT NULL,
    table_name   text    NOT NULL, -- profile_email | profile_phone | contact_quality_issue
    kind         text    NOT NULL, -- MISSING_ROW | UNEXPECTED_ROW | DIFFERENT_VALUE | ORPHANED_PROFILE
    detail       text    NOT NULL, -- column names and masked values only
    PRIMARY KEY (run_id, mismatch_no)
);
-- "Has this profile drifted before?" and erasure requests.
CREATE INDEX consistency_check_mismatch_profile_idx ON consistency_check_mismatch (profile_id);
