#!/usr/bin/env bash
# Sets the passwords of the ContactSync roles (10-contactsync-roles.sql) from the environment of
# the postgres container, so no password is ever written into a file. Sourced by the image's
# entrypoint after the SQL file; fails the first start if a password is missing.
: "${CONTACTSYNC_DB_PASSWORD:?set CONTACTSYNC_DB_PASSWORD: the password of the job's role contactsync}"
: "${CONTACTSYNC_CDC_PASSWORD:?set CONTACTSYNC_CDC_PASSWORD: the password of the CDC role contactsync_cdc}"
: "${CONTACTSYNC_READER_PASSWORD:?set CONTACTSYNC_READER_PASSWORD: the password of the notebooks role contactsync_reader}"

psql -v ON_ERROR_STOP=1 --no-psqlrc --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" \
    -v job_password="$CONTACTSYNC_DB_PASSWORD" \
    -v cdc_password="$CONTACTSYNC_CDC_PASSWORD" \
    -v reader_password="$CONTACTSYNC_READER_PASSWORD" <<'SQL'
ALTER ROLE contactsync PASSWORD :'job_password';
ALTER ROLE contactsync_cdc PASSWORD :'cdc_password';
ALTER ROLE contactsync_reader PASSWORD :'reader_password';
SQL
