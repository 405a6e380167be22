-- lookup finds profiles where only a quality issue records a contact (CONTACT_UNMAPPED / CONTACT_MENTIONED:
-- the mapping does not read where it sits), by the contact's key in normalized_value; a phone's key may
-- carry ';ext=…'. Partial: these codes are rare, so the sink pays for an index entry only on such issues
-- (V5 dropped the full index on code for its cost), and the lookup stays an index scan.
CREATE INDEX contact_quality_issue_unmapped_idx ON contact_quality_issue (split_part(normalized_value, ';ext=', 1))
    WHERE code IN ('CONTACT_UNMAPPED', 'CONTACT_MENTIONED');
