package com.contactsync.sink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.sink.SecondaryIndexes.SecondaryIndex;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The deferred secondary indexes on a real PostgreSQL: the catalog is what Flyway makes, dropped and rebuilt alike. */
class SecondaryIndexesITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @Test
    void theCatalogIsExactlyWhatTheMigrationsCreate() throws SQLException {
        JdbcEndpoint db = migrated();

        assertThat(secondaryIndexdefs(db)).isEqualTo(catalogIndexdefs());
        assertThat(SecondaryIndexes.missing(db)).isEmpty();
    }

    @Test
    void dropsThemWhenEveryContactTableIsEmpty() throws SQLException {
        JdbcEndpoint db = migrated();

        List<String> dropped = SecondaryIndexes.dropIfInitial(db);

        assertThat(dropped).containsExactlyElementsOf(SecondaryIndexes.CATALOG.stream().map(SecondaryIndex::name).toList());
        assertThat(secondaryIndexdefs(db)).isEmpty();
        assertThat(SecondaryIndexes.missing(db)).containsExactlyElementsOf(SecondaryIndexes.CATALOG);
        assertThat(primaryKeys(db)).as("primary keys stay").hasSize(3);
        assertThat(SecondaryIndexes.dropIfInitial(db)).as("nothing left to drop").isEmpty();
    }

    @Test
    void leavesThemWhenAnyContactTableHoldsRows() throws SQLException {
        for (String table : List.of("profile_email", "profile_phone", "contact_quality_issue")) {
            JdbcEndpoint db = migrated();
            execute(db, switch (table) {
                case "profile_email" -> "INSERT INTO profile_email (profile_id, email, email_raw, is_valid, position)"
                        + " VALUES (1, 'a@b.example', 'a@b.example', true, 0)";
                case "profile_phone" -> "INSERT INTO profile_phone (profile_id, phone, phone_raw, is_valid, position)"
                        + " VALUES (1, '+14155550100', '415 555 0100', true, 0)";
                default -> "INSERT INTO contact_quality_issue (profile_id, issue_no, field, position, code)"
                        + " VALUES (1, 0, 'email', 0, 'EMAIL_CASE')";
            });

            assertThat(SecondaryIndexes.dropIfInitial(db)).as("with a row in %s", table).isEmpty();
            assertThat(secondaryIndexdefs(db)).isEqualTo(catalogIndexdefs());
        }
    }

    @Test
    void buildsTheMissingOnesAndReplacesAnInvalidLeftover() throws SQLException, InterruptedException {
        JdbcEndpoint db = migrated();
        SecondaryIndexes.dropIfInitial(db);
        execute(db, "INSERT INTO profile_email (profile_id, email, email_raw, domain, is_valid, position)"
                + " SELECT g, 'u' || g || '@d.example', 'u' || g || '@d.example', 'd.example', true, 0 FROM generate_series(1, 2000) g");
        execute(db, "INSERT INTO profile_phone (profile_id, phone, phone_raw, is_valid, position)"
                + " SELECT g, '+1415555' || (g % 100), '555 ' || g, true, 0 FROM generate_series(1, 2000) g");
        execute(db, "INSERT INTO contact_quality_issue (profile_id, issue_no, field, position, code, normalized_value)"
                + " SELECT g, 0, 'email', -1, CASE WHEN g % 10 = 0 THEN 'CONTACT_UNMAPPED' ELSE 'EMAIL_CASE' END,"
                + " 'u' || g || '@d.example' FROM generate_series(1, 2000) g");
        // What a crash during CREATE INDEX CONCURRENTLY leaves behind: an INVALID index of that name
        // (here from a build that fails on duplicate phones), which IF NOT EXISTS alone would keep.
        assertThatThrownBy(() -> execute(db, "CREATE UNIQUE INDEX CONCURRENTLY profile_phone_phone_idx ON profile_phone (phone)"))
                .isInstanceOf(SQLException.class);
        assertThat(SecondaryIndexes.missing(db)).extracting(SecondaryIndex::name).contains("profile_phone_phone_idx");

        List<SecondaryIndex> stillMissing = SecondaryIndexes.buildMissing(db);

        assertThat(stillMissing).isEmpty();
        assertThat(SecondaryIndexes.missing(db)).isEmpty();
        assertThat(secondaryIndexdefs(db)).as("rebuilt exactly as the migrations make them").isEqualTo(catalogIndexdefs());
    }

    @Test
    void rebuildsAnIndexMarkedInvalid() throws SQLException, InterruptedException {
        JdbcEndpoint db = migrated();
        execute(db, "UPDATE pg_index SET indisvalid = false WHERE indexrelid = 'profile_email_domain_idx'::regclass");
        long before = oid(db, "profile_email_domain_idx");

        assertThat(SecondaryIndexes.missing(db)).extracting(SecondaryIndex::name).containsExactly("profile_email_domain_idx");
        assertThat(SecondaryIndexes.buildMissing(db)).isEmpty();

        assertThat(oid(db, "profile_email_domain_idx")).as("a new index").isNotEqualTo(before);
        assertThat(secondaryIndexdefs(db)).isEqualTo(catalogIndexdefs());
    }

    @Test
    void doesNothingWhenAllAreThere() throws SQLException, InterruptedException {
        JdbcEndpoint db = migrated();
        Map<String, Long> before = oids(db);

        assertThat(SecondaryIndexes.buildMissing(db)).isEmpty();

        assertThat(oids(db)).isEqualTo(before);
    }

    // ---- fixtures ----

    private static JdbcEndpoint migrated() throws SQLException {
        JdbcEndpoint db = POSTGRES.newDatabase();
        TargetSchema.migrate(db);
        return db;
    }

    private static Map<String, String> catalogIndexdefs() {
        Map<String, String> defs = new TreeMap<>();
        SecondaryIndexes.CATALOG.forEach(index -> defs.put(index.name(), index.indexdef("public")));
        return defs;
    }

    /** Every index of the contact tables that is not a primary key, as PostgreSQL shows it. */
    private static Map<String, String> secondaryIndexdefs(JdbcEndpoint db) throws SQLException {
        Map<String, String> defs = new TreeMap<>();
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT indexname, indexdef FROM pg_indexes WHERE tablename IN ('profile_email', 'profile_phone', 'contact_quality_issue')"
                        + " AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE contype = 'p')")) {
            while (rs.next()) {
                if (SecondaryIndexes.KEPT.contains(rs.getString(1))) {
                    continue;
                }
                defs.put(rs.getString(1), rs.getString(2));
            }
        }
        return defs;
    }

    private static List<String> primaryKeys(JdbcEndpoint db) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT conname FROM pg_constraint WHERE contype = 'p' AND conrelid IN"
                        + " ('profile_email'::regclass, 'profile_phone'::regclass, 'contact_quality_issue'::regclass)")) {
            List<String> names = new java.util.ArrayList<>();
            while (rs.next()) {
                names.add(rs.getString(1));
            }
            return names;
        }
    }

    private static Map<String, Long> oids(JdbcEndpoint db) throws SQLException {
        Map<String, Long> oids = new TreeMap<>();
        for (SecondaryIndex index : SecondaryIndexes.CATALOG) {
            oids.put(index.name(), oid(db, index.name()));
        }
        return oids;
    }

    private static long oid(JdbcEndpoint db, String index) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement("SELECT to_regclass(?)::oid::bigint")) {
            s.setString(1, index);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static void execute(JdbcEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
