package com.contactsync.source.backfill;

/**
 * The SQL the backfill runs. Identifiers come only from validated {@code SqlIdentifier}s; every
 * value is a statement parameter.
 */
final class BackfillStatements {

    private final String table;
    private final String id;
    private final String columns;

    BackfillStatements(BackfillSettings settings) {
        this.table = settings.profileTable().table().quoted();
        this.id = settings.profileTable().idColumn().quoted();
        String contacts = settings.profileTable().contactsColumn().quoted() + "::text";
        this.columns = settings.profileTable().hasCountryColumn()
                ? id + ", " + contacts + ", " + settings.profileTable().countryColumn().quoted() + "::text"
                : id + ", " + contacts;
    }

    /** Lowest and highest id; both answered from the primary-key index. */
    String idRange() {
        return "SELECT min(" + id + "), max(" + id + ") FROM " + table;
    }

    /** Parameters: lowExclusive, upperBound, rows to skip. Walks the index only, never the heap's gaps. */
    String splitEnd() {
        return "SELECT " + id + " FROM " + table + " WHERE " + id + " > ? AND " + id + " <= ?"
                + " ORDER BY " + id + " OFFSET ? LIMIT 1";
    }

    /** Parameters: afterId, highInclusive, page size. Columns: id, contacts, [country]. */
    String page() {
        return "SELECT " + columns + " FROM " + table + " WHERE " + id + " > ? AND " + id + " <= ?"
                + " ORDER BY " + id + " LIMIT ?";
    }

    /**
     * A page and the MVCC snapshot it is read under, in one statement (so one snapshot):
     * parameters afterId, highInclusive, page size; columns snapshot, id, contacts, [country]; one
     * row with a null id when the page is empty. {@code predicate}: a validated {@code --where}
     * expression added to the page's condition, or null.
     */
    String snapshotPage(String predicate) {
        String where = id + " > ? AND " + id + " <= ?" + (predicate == null ? "" : " AND (" + predicate + ")");
        return "SELECT s.snapshot::text, p.* FROM (SELECT pg_current_snapshot() AS snapshot) s"
                + " LEFT JOIN LATERAL (SELECT " + columns + " FROM " + table + " WHERE " + where
                + " ORDER BY " + id + " LIMIT ?) p ON true ORDER BY 2";
    }

    /** The page statement's shape with a predicate, for {@code EXPLAIN} when a request is made (validation). */
    String explainPage(String predicate) {
        return "EXPLAIN " + snapshotPage(predicate);
    }
}
