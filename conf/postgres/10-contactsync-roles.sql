-- ContactSync in the compose stack's PostgreSQL: the roles of the job, the CDC connector and the
-- notebooks, each with the least it needs. Run once by the postgres image on an empty data
-- directory (/docker-entrypoint-initdb.d), as the superuser, in POSTGRES_DB. No passwords here:
-- 20-contactsync-passwords.sh sets them from the environment.
--
--   role                 may                                                      may not
--   contactsync          read public.profile; own schema contactsync (Flyway      write or alter anything
--   (the Flink job)      creates and migrates the target tables there, plus its   of the monolith's
--                        history table and the watermark table); XA PREPARE      (public has no CREATE)
--   contactsync_cdc      REPLICATION (a logical slot); read the two captured      write anywhere
--   (Debezium)           tables; nothing else
--   contactsync_reader   read the job's tables and views, and profile             write anywhere
--   (notebooks)

-- The monolith's table. Created only when absent: the demo stack has no monolith of its own.
CREATE TABLE IF NOT EXISTS public.profile (
    id         bigint PRIMARY KEY,
    contacts   jsonb,
    country    text,
    name       text,
    updated_at timestamptz DEFAULT now()
);

CREATE ROLE contactsync LOGIN;
CREATE ROLE contactsync_cdc LOGIN REPLICATION;
CREATE ROLE contactsync_reader LOGIN;

-- PostgreSQL 15+ already keeps PUBLIC from creating in schema public; say it anyway, since this
-- script is also the documentation of what the job may do on an older server.
REVOKE CREATE ON SCHEMA public FROM PUBLIC;

-- The job: its own schema, first on its search path, so unqualified names it creates (Flyway's
-- tables, contactsync_watermark) land there while `profile` still resolves to public.profile.
CREATE SCHEMA contactsync AUTHORIZATION contactsync;
ALTER ROLE contactsync SET search_path = contactsync, public;
GRANT USAGE ON SCHEMA public TO contactsync;
GRANT SELECT ON public.profile TO contactsync;

-- The watermark table exists before the publication that captures it; the job owns it (it
-- upserts its coverage markers there) and its CREATE TABLE IF NOT EXISTS finds it.
CREATE TABLE contactsync.contactsync_watermark (
    id         int PRIMARY KEY,
    marker     text        NOT NULL,
    written_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE contactsync.contactsync_watermark OWNER TO contactsync;

-- The CDC connector: a publication made here by the superuser (Debezium runs with
-- publication.autocreate.mode=disabled, since creating one needs ownership of the tables).
GRANT USAGE ON SCHEMA public, contactsync TO contactsync_cdc;
GRANT SELECT ON public.profile, contactsync.contactsync_watermark TO contactsync_cdc;
CREATE PUBLICATION contactsync_cdc_pub FOR TABLE public.profile, contactsync.contactsync_watermark;

-- Notebooks: read-only, now and for every table or view the job's migrations create later.
ALTER ROLE contactsync_reader SET search_path = contactsync, public;
GRANT USAGE ON SCHEMA public, contactsync TO contactsync_reader;
GRANT SELECT ON public.profile TO contactsync_reader;
GRANT SELECT ON ALL TABLES IN SCHEMA contactsync TO contactsync_reader;
ALTER DEFAULT PRIVILEGES FOR ROLE contactsync IN SCHEMA contactsync GRANT SELECT ON TABLES TO contactsync_reader;
