package com.contactsync.source.backfill;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code --where} predicates are checked by PostgreSQL's parser inside our statement shape, before anything is read. */
class PredicateValidatorTest {

    private static final String TABLE = "predicate_profile";
    private static BackfillTestDatabase database;
    private static PredicateValidator validator;

    @BeforeAll
    static void createTable() throws Exception {
        database = BackfillTestDatabase.get();
        database.createProfileTable(TABLE, "SELECT generate_series(1, 10)");
        database.execute("CREATE TABLE IF NOT EXISTS predicate_secret (password text)");
        validator = new PredicateValidator(database.settings(TABLE, 100, 100, 0));
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "country = 'DE'",
        "  country IN ('DE', 'AT') AND note IS NOT NULL  ",
        "jsonb_exists(contacts, 'emails')",
        "id % 7 = 0 OR (country IS NULL)",
        "id IN (SELECT generate_series(1, 5))",
        "country = 'DE') OR (country = 'FR'", // re-balanced parentheses, still one boolean expression
    })
    void oneBooleanExpressionOnTheProfileTableIsAccepted(String predicate) {
        assertThat(validator.validate(predicate)).isEqualTo(predicate.trim());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "country = ",
        "country == 'DE'",
        "no_such_column = 1",
        "id + 1",
        "",
    })
    void aSyntaxOrTypeErrorIsRefusedBeforeAnythingIsRead(String predicate) {
        assertThatThrownBy(() -> validator.validate(predicate)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "true; DELETE FROM predicate_profile",
        "contacts ? 'emails'",
        "true -- and the rest is a comment",
        "true /* a comment */",
        "true) UNION SELECT 1, password, password FROM predicate_secret WHERE (true",
        "true) UNION SELECT * FROM (SELECT 1, password, password FROM predicate_secret) x WHERE (true",
        "true) FOR UPDATE OF predicate_profile ORDER BY (1",
        "true) ORDER BY 1 LIMIT (1",
        "true), (false",
    })
    void injectionAttemptsAreRefused(String predicate) {
        assertThatThrownBy(() -> validator.validate(predicate))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageMatching("(?s).*(one valid boolean expression|must not contain).*");
    }

    @Test
    void pagesOfAPredicateCannotWrite() throws Exception {
        database.execute("CREATE SEQUENCE IF NOT EXISTS predicate_sequence");
        String writes = "nextval('predicate_sequence') > 0";
        assertThat(validator.validate(writes)).as("an expression; EXPLAIN does not run it").isEqualTo(writes);
        try (KeysetPageReader pages = new KeysetPageReader(database.settings(TABLE, 100, 100, 0))) {
            assertThatThrownBy(() -> pages.page(0, 10, 10, writes))
                    .hasMessageContaining("read-only transaction");
        }
    }
}
