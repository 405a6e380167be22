-- Quality reports across profiles, read by notebooks/quality_report.ipynb and documented in README.
-- Views, not tables: they are always as fresh as the target tables, and cost nothing until read.

-- Free-mail providers: an address there typed work/business/office is probably not a work address.
-- ASCII, lower case; add rows for the providers your customers use.
CREATE TABLE quality_freemail_domain (
    domain  text PRIMARY KEY CHECK (domain = lower(domain))
);
INSERT INTO quality_freemail_domain (domain) VALUES
    ('gmail.com'), ('googlemail.com'), ('yahoo.com'), ('yahoo.co.uk'), ('yahoo.fr'), ('yahoo.de'),
    ('yahoo.co.jp'), ('ymail.com'), ('hotmail.com'), ('hotmail.co.uk'), ('hotmail.fr'), ('hotmail.de'),
    ('outlook.com'), ('live.com'), ('msn.com'), ('aol.com'), ('icloud.com'), ('me.com'), ('mac.com'),
    ('mail.com'), ('gmx.de'), ('gmx.net'), ('gmx.com'), ('web.de'), ('t-online.de'), ('freenet.de'),
    ('yandex.ru'), ('yandex.com'), ('mail.ru'), ('protonmail.com'), ('proton.me'), ('zoho.com'),
    ('qq.com'), ('163.com'), ('126.com'), ('free.fr'), ('orange.fr'), ('laposte.net'), ('libero.it'),
    ('naver.com'), ('docomo.ne.jp'), ('rediffmail.com'), ('uol.com.br'), ('bol.com.br'), ('wp.pl'),
    ('o2.pl'), ('seznam.cz');

-- Quality issues by code: how many, on how many profiles.
CREATE VIEW quality_issue_by_code AS
SELECT code,
       count(*)                   AS issues,
       count(DISTINCT profile_id) AS profiles
FROM contact_quality_issue
GROUP BY code;

-- Shared inboxes: one normalized address on 3 or more profiles (info@, office@, a family's address ...).
CREATE VIEW quality_shared_email AS
SELECT email,
       domain,
       count(*)                                          AS profiles,  -- (profile_id, email) is the key
       bool_and(is_valid)                                AS is_valid,
       (array_agg(profile_id ORDER BY profile_id))[1:10] AS example_profile_ids
FROM profile_email
GROUP BY email, domain
HAVING count(*) >= 3;

-- Phones on 2 or more profiles (switchboards, family numbers, placeholder numbers such as 0000000000).
CREATE VIEW quality_shared_phone AS
SELECT phone,
       count(DISTINCT profile_id)                                 AS profiles,
       bool_and(is_valid)                                         AS is_valid,
       min(country)                                               AS country,
       (array_agg(DISTINCT profile_id ORDER BY profile_id))[1:10] AS example_profile_ids
FROM profile_phone
GROUP BY phone
HAVING count(DISTINCT profile_id) >= 2;

-- Domains that look like typos of well-known ones (EMAIL_DOMAIN_TYPO depends on the domain alone).
CREATE VIEW quality_typo_domain AS
SELECT DISTINCT substring(normalized_value FROM '@([^@]*)$') AS domain,
                substring(suggestion FROM '@([^@]*)$')       AS suggested_domain
FROM contact_quality_issue
WHERE code = 'EMAIL_DOMAIN_TYPO';

-- Domains with invalid or typo'd addresses: counts and ratios of all addresses on the domain.
-- broken = invalid or on a typo domain (an address can be both: user@gmail.con).
CREATE VIEW quality_domain_health AS
SELECT e.domain,
       count(*)                                                             AS addresses,
       count(*) FILTER (WHERE NOT e.is_valid)                               AS invalid,
       count(*) FILTER (WHERE t.domain IS NOT NULL)                         AS typos,
       count(*) FILTER (WHERE NOT e.is_valid OR t.domain IS NOT NULL)       AS broken,
       round(count(*) FILTER (WHERE NOT e.is_valid)::numeric / count(*), 4) AS invalid_ratio,
       round(count(*) FILTER (WHERE t.domain IS NOT NULL)::numeric / count(*), 4) AS typo_ratio,
       round(count(*) FILTER (WHERE NOT e.is_valid OR t.domain IS NOT NULL)::numeric / count(*), 4) AS broken_ratio,
       min(t.suggested_domain)                                              AS suggested_domain
FROM profile_email e
LEFT JOIN quality_typo_domain t ON t.domain = e.domain
WHERE e.domain IS NOT NULL
GROUP BY e.domain
HAVING count(*) FILTER (WHERE NOT e.is_valid OR t.domain IS NOT NULL) > 0;

-- Emails typed work/business/office on a free-mail domain.
CREATE VIEW quality_work_email_on_freemail AS
SELECT e.profile_id, e.email, e.domain, e.type, e.is_valid
FROM profile_email e
JOIN quality_freemail_domain f ON f.domain = e.domain
WHERE lower(e.type) IN ('work', 'business', 'office');

-- Profiles whose contacts repeat an email or phone (same normalized key), with how many repeats.
CREATE VIEW quality_duplicates_per_profile AS
SELECT profile_id,
       count(*) FILTER (WHERE code = 'EMAIL_DUPLICATE') AS email_duplicates,
       count(*) FILTER (WHERE code = 'PHONE_DUPLICATE') AS phone_duplicates,
       count(*)                                         AS duplicates
FROM contact_quality_issue
WHERE code IN ('EMAIL_DUPLICATE', 'PHONE_DUPLICATE')
GROUP BY profile_id;
