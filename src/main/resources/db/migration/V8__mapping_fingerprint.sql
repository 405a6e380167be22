-- The normalization settings (the mapping's fingerprint included) a run or a verification used:
-- NormalizerSettings.fingerprint(), e.g. 'region=US;max=1000;mapping=3f9c2a…'. Null for older rows.
ALTER TABLE contactsync_run ADD COLUMN normalization text;
ALTER TABLE consistency_check ADD COLUMN normalization text;
