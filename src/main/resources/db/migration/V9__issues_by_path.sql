-- Quality issues by where they come from in the contacts JSON: code and json_path with array indexes
-- collapsed ($.contact.others[3].email -> $.contact.others[*].email), so one row stands for a place in the
-- shape rather than one entry. For CONTACT_UNMAPPED / CONTACT_MENTIONED it names the keys the mapping
-- misses (compare with ./contactsync shapes); for entry issues, the places that keep bad contacts.
-- Issues without a path (about the whole value or a whole kind, or written before V6) are left out.
-- Read by notebooks/quality_report.ipynb.
CREATE VIEW quality_issue_by_path AS
SELECT code,
       regexp_replace(json_path, '\[\d+\]', '[*]', 'g') AS json_path,
       count(*)                                          AS issues,
       count(DISTINCT profile_id)                        AS profiles
FROM contact_quality_issue
WHERE json_path IS NOT NULL
GROUP BY 1, 2;
