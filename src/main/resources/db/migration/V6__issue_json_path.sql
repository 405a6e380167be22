-- Where in the contacts JSON an entry-level issue comes from: the normalized JSONPath of the entry's value
-- (or of the entry), e.g. $.emails[2], $.contact.others[1].email, $['odd key']. NULL for issues about the
-- whole contacts value or a whole kind, and for rows written before this column existed.
-- Additive: the V4 views name their columns and do not change.
ALTER TABLE contact_quality_issue ADD COLUMN json_path text;
