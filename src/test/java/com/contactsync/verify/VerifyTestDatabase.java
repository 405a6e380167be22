package com.contactsync.verify;

import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.normalize.ContactNormalizer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/** Test databases for the verifier: generated profiles plus target tables that match them exactly. */
final class VerifyTestDatabase {

    static final SqlIdentifier PROFILE = SqlIdentifier.of("profile");

    private VerifyTestDatabase() {}

    /** A new database with {@code profiles} generated profiles (sparse ids) and their expected rows. */
    static JdbcEndpoint consistent(PostgresExtension postgres, int profiles, ContactNormalizer normalizer)
            throws SQLException {
        JdbcEndpoint db = postgres.newDatabase();
        ProfileTableLoader loader = new ProfileTableLoader(db, PROFILE, ContactsColumnType.JSONB);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(17, GeneratorSettings.defaults()), profiles, IdLayout.sparse(5, 0.2, 50));
        executeScript(db, migration());
        ExpectedRowWriter.write(db, normalizer);
        return db;
    }

    /** A copy of {@code template} (which must have no open connections), for a test to change at will. */
    static JdbcEndpoint copyOf(PostgresExtension postgres, JdbcEndpoint template) throws SQLException {
        String name = "v_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        String templateName = template.url().substring(template.url().lastIndexOf('/') + 1);
        execute(postgres.endpoint(), "CREATE DATABASE " + SqlIdentifier.of(name).quoted()
                + " TEMPLATE " + SqlIdentifier.of(templateName).quoted());
        String url = template.url().substring(0, template.url().lastIndexOf('/') + 1) + name;
        return new JdbcEndpoint(url, template.user(), template.passwordEnv());
    }

    static void execute(JdbcEndpoint db, String sql, Object... parameters) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            s.execute();
        }
    }

    static long queryLong(JdbcEndpoint db, String sql, Object... parameters) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, parameters);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    throw new IllegalStateException("no row for " + sql);
                }
                return rs.getLong(1);
            }
        }
    }

    static void bind(PreparedStatement s, Object... parameters) throws SQLException {
        for (int i = 0; i < parameters.length; i++) {
            if (parameters[i] == null) {
                s.setNull(i + 1, java.sql.Types.VARCHAR);
            } else {
                s.setObject(i + 1, parameters[i]);
            }
        }
    }

    private static String migration() {
        try (InputStream in = VerifyTestDatabase.class.getClassLoader()
                .getResourceAsStream("db/migration/V1__contact_tables.sql")) {
            if (in == null) {
                throw new IllegalStateException("db/migration/V1__contact_tables.sql is not on the class path");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void executeScript(JdbcEndpoint db, String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
