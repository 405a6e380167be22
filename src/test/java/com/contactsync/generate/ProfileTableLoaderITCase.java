package com.contactsync.generate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.PrimitiveIterator;

class ProfileTableLoaderITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final SqlIdentifier PROFILE = SqlIdentifier.of("profile");
    private static final ProfileGenerator GENERATOR = new ProfileGenerator(7, GeneratorSettings.defaults());

    @Test
    void copiesOneHundredThousandProfilesThatReadBackExactly() throws SQLException {
        JdbcEndpoint db = POSTGRES.newDatabase();
        ProfileTableLoader loader = new ProfileTableLoader(db, PROFILE, ContactsColumnType.TEXT).withChunkRows(30_000);
        loader.createTableIfAbsent();

        LoadReport report = loader.load(GENERATOR, 100_000, IdLayout.dense());

        assertThat(report.rows()).isEqualTo(100_000);
        assertThat(report.firstId()).isEqualTo(1);
        assertThat(report.lastId()).isEqualTo(100_000);
        long[] compared = {0};
        long malformed = eachRow(db, "SELECT id, contacts, country, name FROM profile ORDER BY id", rs -> {
            GeneratedProfile expected = GENERATOR.generate(rs.getLong(1));
            assertThat(rs.getString(2)).as("contacts of %s", expected).isEqualTo(expected.contacts());
            assertThat(rs.getString(3)).isEqualTo(expected.country());
            assertThat(rs.getString(4)).isEqualTo(expected.name());
            compared[0]++;
            return expected.kind() == GeneratedProfile.Kind.MALFORMED;
        });
        assertThat(compared[0]).isEqualTo(100_000);
        assertThat(malformed).as("malformed rows, backslashes, tabs and newlines included").isGreaterThan(50);
    }

    @Test
    void jsonbColumnHoldsMalformedContactsAsJsonStrings() throws SQLException {
        JdbcEndpoint db = POSTGRES.newDatabase();
        GeneratorSettings settings = GeneratorSettings.defaults();
        GeneratorSettings.ProfileMix mix = settings.profiles();
        ProfileGenerator generator = new ProfileGenerator(3, settings.withProfiles(new GeneratorSettings.ProfileMix(
                mix.countryShare(), 0.05, 0.002, mix.bigBlobMinEmails(), mix.emailCountWeights(),
                mix.phoneCountWeights(), mix.layoutWeights())));
        ProfileTableLoader loader = new ProfileTableLoader(db, PROFILE, ContactsColumnType.JSONB);
        loader.createTableIfAbsent();

        loader.load(generator, 5_000, IdLayout.dense());

        long malformed = eachRow(db, "SELECT id, jsonb_typeof(contacts), contacts #>> '{}' FROM profile ORDER BY id", rs -> {
            GeneratedProfile expected = generator.generate(rs.getLong(1));
            if (expected.kind() != GeneratedProfile.Kind.MALFORMED) {
                return false;
            }
            assertThat(rs.getString(2)).isEqualTo("string");
            assertThat(rs.getString(3)).isEqualTo(expected.contacts());
            return true;
        });
        assertThat(malformed).isBetween(150L, 350L);
        assertThat(count(db, "SELECT count(*) FROM profile WHERE pg_column_size(contacts) > 8000"))
                .as("big blobs are TOASTed").isPositive();
    }

    @Test
    void sparseIdsFollowTheLayout() throws SQLException {
        JdbcEndpoint db = POSTGRES.newDatabase();
        IdLayout layout = IdLayout.sparse(11, 0.3, 500);
        ProfileTableLoader loader = new ProfileTableLoader(db, PROFILE, ContactsColumnType.JSON).withChunkRows(700);
        loader.createTableIfAbsent();

        LoadReport report = loader.load(GENERATOR, 3_000, layout);

        List<Long> ids = new ArrayList<>();
        eachRow(db, "SELECT id FROM profile ORDER BY id", rs -> ids.add(rs.getLong(1)));
        PrimitiveIterator.OfLong expected = layout.ids();
        for (long id : ids) {
            assertThat(id).isEqualTo(expected.nextLong());
        }
        assertThat(ids).hasSize(3_000);
        assertThat(report.lastId()).isEqualTo(ids.get(ids.size() - 1)).isGreaterThan(100_000);
    }

    @Test
    void refusesAnExistingTableWithAnotherContactsType() throws SQLException {
        JdbcEndpoint db = POSTGRES.newDatabase();
        new ProfileTableLoader(db, PROFILE, ContactsColumnType.TEXT).createTableIfAbsent();

        assertThatThrownBy(() -> new ProfileTableLoader(db, PROFILE, ContactsColumnType.JSONB).createTableIfAbsent())
                .hasMessageContaining("exists with contacts of type text");
    }

    private interface RowCheck {
        boolean check(ResultSet rs) throws SQLException;
    }

    /** Streams the query's rows through {@code check}; returns how many it answered true for. */
    static long eachRow(JdbcEndpoint db, String sql, RowCheck check) throws SQLException {
        long yes = 0;
        try (Connection c = db.connect()) {
            c.setAutoCommit(false);
            try (Statement s = c.createStatement()) {
                s.setFetchSize(5_000);
                try (ResultSet rs = s.executeQuery(sql)) {
                    while (rs.next()) {
                        yes += check.check(rs) ? 1 : 0;
                    }
                }
            }
            c.commit();
        }
        return yes;
    }

    private static long count(JdbcEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
