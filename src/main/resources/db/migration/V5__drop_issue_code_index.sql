-- The index on contact_quality_issue(code) served no query: every report reads a large share of the
-- issues (issues by code, duplicates per profile, typo domains), where a sequential scan wins, and
-- nothing looks issues up by one code. It cost about 4 % of the sink's time in the backfill benchmark
-- (one more index entry for each of ~2 issue rows per profile), so it goes.
DROP INDEX IF EXISTS contact_quality_issue_code_idx;
