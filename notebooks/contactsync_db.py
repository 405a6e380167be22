"""Reads ContactSync's PostgreSQL tables for the notebooks.

The database is named by CONTACTSYNC_DSN (a libpq DSN or URI, e.g. postgresql://user@host:5432/app);
the password comes from PGPASSWORD or ~/.pgpass, never from the notebook. Sessions are read-only.
Tables or columns a deployment does not have yet are reported with a clear message instead of an
error, and contact values are masked before they are shown.
"""
import os
import re

import pandas as pd
import psycopg2


def connect():
    dsn = os.environ.get("CONTACTSYNC_DSN")
    if not dsn:
        raise RuntimeError("Set CONTACTSYNC_DSN to a libpq DSN or URI of the ContactSync target database, "
                           "e.g. postgresql://contactsync@localhost:5432/app (password in PGPASSWORD).")
    connection = psycopg2.connect(dsn, application_name="contactsync-notebook")
    connection.set_session(readonly=True, autocommit=True)
    return connection


def query(connection, sql, params=None):
    """The rows of a query as a DataFrame (one short read-only statement)."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        columns = [d[0] for d in cursor.description]
        return pd.DataFrame(cursor.fetchall(), columns=columns)


def has_relation(connection, name):
    """Whether a table or view exists (on the search path)."""
    return bool(query(connection, "SELECT to_regclass(%s) IS NOT NULL AS present", (name,)).present[0])


def has_column(connection, table, column):
    return bool(query(connection, "SELECT count(*) AS n FROM information_schema.columns"
                                  " WHERE table_name = %s AND column_name = %s", (table, column)).n[0])


def not_available(what, why):
    """Says, in the output, why a section has nothing to show."""
    print(f"NOT AVAILABLE - {what}: {why}")


# Words kept as they are: structure of the contacts JSON and wrappers, never personal data.
_KEPT_WORDS = {"mailto", "tel", "ext", "emails", "email", "phones", "phone", "number", "address", "value",
               "type", "label", "country", "region", "extension", "null", "true", "false"}
_DOMAIN = re.compile(r"@[\w.-]+")
_WORD = re.compile(r"\w+")


def _mask_words(text, keep_last_digits):
    """Each word keeps its first character, unless it continues a token after . - _ or + (then it
    is starred whole, as the rest of a local part); digits are starred, but for the text's last two."""
    words = list(_WORD.finditer(text))
    last_number = max((k for k, w in enumerate(words) if w.group(0).isdigit()), default=-1)
    out, last = [], 0
    for k, match in enumerate(words):
        word = match.group(0)
        if word.lower() in _KEPT_WORDS:
            masked = word
        elif word.isdigit():
            keep = 2 if keep_last_digits and k == last_number else 0
            masked = word if len(word) <= 2 else "*" * (len(word) - keep) + word[len(word) - keep:]
        elif match.start() > 0 and text[match.start() - 1] in ".-_+":
            masked = "*" * len(word)
        else:
            masked = word[0] + "*" * (len(word) - 1)
        out.append(text[last:match.start()] + masked)
        last = match.end()
    out.append(text[last:])
    return "".join(out)


def mask(text):
    """Masks contact data inside text while keeping its shape visible: a local part keeps its first
    character (j***@example.com, b*****.******.**.** for an address without @), a number its last
    two digits (+1 (***) ***-**23); the domain after an @, white space, wrapping and punctuation stay."""
    if text is None:
        return None
    text = str(text)
    domains = list(_DOMAIN.finditer(text))
    out, last = [], 0
    for domain in domains:
        out.append(_mask_words(text[last:domain.start()], keep_last_digits=False))
        out.append(domain.group(0))
        last = domain.end()
    out.append(_mask_words(text[last:], keep_last_digits=True))
    return "".join(out)
