package com.contactsync.source.backfill;

import com.contactsync.config.JdbcEndpoint;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Locale;

/**
 * Checks a {@code --where} predicate before it is recorded, with PostgreSQL's own parser: it must
 * be one boolean expression over the profile table that the page statement can run. Nothing is read.
 *
 * <p>Three checks: no {@code ;} and no comments (a predicate is never a script); {@code EXPLAIN}
 * of the real page statement with the predicate (syntax, columns, types); and {@code EXPLAIN} of
 * {@code SELECT ARRAY[(predicate)::boolean] FROM profile}. The last one is what makes "one
 * expression" hold: text that closes our parenthesis to append a clause ({@code true) UNION SELECT …
 * WHERE (true}, {@code ORDER BY}, {@code FOR UPDATE}, {@code LIMIT}) is valid at statement level
 * but a syntax error inside an array constructor, and no text can close both contexts at once.
 * Both run in a read-only transaction that is rolled back; the pages themselves run in read-only
 * transactions too, so a predicate calling a function cannot write.
 */
public final class PredicateValidator {

    /** Generous for a real predicate; a cap on what is copied into every split and page statement. */
    public static final int MAX_LENGTH = 4_000;

    private final JdbcEndpoint endpoint;
    private final BackfillStatements statements;
    private final String table;

    public PredicateValidator(BackfillSettings settings) {
        this.endpoint = settings.endpoint();
        this.statements = new BackfillStatements(settings);
        this.table = settings.profileTable().table().quoted();
    }

    /** Returns the predicate, trimmed, or throws {@link IllegalArgumentException} saying what is wrong. */
    public String validate(String predicate) {
        String text = predicate == null ? "" : predicate.trim();
        if (text.isEmpty()) {
            throw new IllegalArgumentException("--where needs a predicate on the profile table, e.g. --where \"country = 'DE'\"");
        }
        if (text.length() > MAX_LENGTH) {
            throw new IllegalArgumentException("the predicate is longer than " + MAX_LENGTH + " characters");
        }
        if (text.contains(";")) {
            throw new IllegalArgumentException("the predicate must not contain ';': it is one expression, not statements");
        }
        if (text.contains("--") || text.contains("/*")) {
            throw new IllegalArgumentException("the predicate must not contain comments ('--', '/*')");
        }
        if (text.contains("?")) {
            // JDBC would take it for a statement parameter.
            throw new IllegalArgumentException("the predicate must not contain '?': for jsonb use jsonb_exists(contacts, 'key'),"
                    + " jsonb_exists_any or jsonb_exists_all");
        }
        if (text.indexOf('\0') >= 0) {
            throw new IllegalArgumentException("the predicate must not contain NUL characters");
        }
        try (Connection c = endpoint.connect("contactsync-validate", "-c statement_timeout=10000")) {
            c.setAutoCommit(false);
            c.setReadOnly(true);
            try {
                explain(c, statements.explainPage(text), true);
                explain(c, "EXPLAIN SELECT ARRAY[(" + text + ")::boolean] FROM " + table, false);
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            String state = e.getSQLState() == null ? "" : e.getSQLState();
            if (state.startsWith("42") || state.startsWith("22") || state.startsWith("25")) {
                // syntax error or access rule violation, data exception, invalid transaction state (e.g. writes)
                throw new IllegalArgumentException("the predicate is not one valid boolean expression on "
                        + table + ": " + firstLine(e.getMessage()), e);
            }
            throw new IllegalStateException("could not validate the predicate against the source database: "
                    + firstLine(e.getMessage()), e);
        }
        return text;
    }

    private static void explain(Connection c, String sql, boolean pageParameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql)) {
            if (pageParameters) {
                s.setLong(1, 0);
                s.setLong(2, 0);
                s.setInt(3, 1);
            }
            s.execute();
        }
    }

    private static String firstLine(String message) {
        String text = message == null ? "" : message;
        int newline = text.indexOf('\n');
        return (newline < 0 ? text : text.substring(0, newline)).toLowerCase(Locale.ROOT).startsWith("error: ")
                ? text.substring(7, newline < 0 ? text.length() : newline)
                : (newline < 0 ? text : text.substring(0, newline));
    }
}
