package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.PipelineRun;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.JdbcEndpoint;
import com.contactsync.config.JobConfig;
import com.contactsync.config.SqlIdentifier;
import com.contactsync.embedded.PostgresExtension;
import com.contactsync.generate.ContactsColumnType;
import com.contactsync.generate.GeneratorSettings;
import com.contactsync.generate.IdLayout;
import com.contactsync.generate.ProfileGenerator;
import com.contactsync.generate.ProfileTableLoader;
import com.contactsync.sink.SecondaryIndexes;

import com.fasterxml.jackson.databind.ObjectMapper;

import org.apache.flink.test.junit5.MiniClusterExtension;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code lookup} and {@code erase} end to end, with the source and the target in different
 * databases: an address spelt many ways and a phone in many formats are found, erased from the
 * source in one transaction, purged from our tables, and once the sync has run again (here: the
 * backfill) nothing of them is left in any table, while everything else is untouched.
 */
class EraseCommandITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    @RegisterExtension
    static final MiniClusterExtension FLINK = PipelineRun.miniCluster();

    private static final String ADDRESS = "erase.me@example.com";
    private static final String PHONE_DIGITS = "4155550123";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void nothingOfAnErasedEmailOrPhoneRemainsInAnyTable() throws Exception {
        JdbcEndpoint source = POSTGRES.newDatabase();
        JdbcEndpoint target = POSTGRES.newDatabase();
        JobConfig config = config(source, target);
        ProfileTableLoader loader = new ProfileTableLoader(source, SqlIdentifier.of("profile"), ContactsColumnType.TEXT);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(3, GeneratorSettings.defaults()), 1_000, IdLayout.dense());
        insertProfiles(source, Map.of(
                900_001L, "{\"emails\":[\" ERASE.ME@Example.COM \",\"a1@x.com\"],\"phones\":[\"+1 415 555 0123\"],"
                        + "\"notes\":\"old address: Erase.Me@example.com\"}",
                900_002L, "{\"emails\":\"a2@x.com; <erase.me@example.com>, b2@y.org\"}",
                900_003L, "{\"email\":{\"address\":\"Erase Me <Erase.Me@Example.com>\",\"type\":\"work\"}}",
                900_004L, JSON.writeValueAsString("{\"emails\":[\"erase.me@example.com\"],\"phones\":[4155550123]}"),
                900_005L, "{\"emails\": [\"erase.me@example.com\", ",
                900_006L, "{\"emails\":[\"erase.meow@example.com\"],\"phones\":[{\"number\":\"(415) 555-0123\",\"ext\":\"7\"}]}"));
        String untouchedBefore = checksumOfGeneratedProfiles(source);
        PipelineRun.backfill(config, PipelineRun.productionSink(config), Duration.ofMinutes(3));
        // Drift on the first profile, so a verification run keeps a (masked) detail about the address.
        execute(target, "DELETE FROM profile_email WHERE profile_id = 900001 AND email = ?", ADDRESS);
        assertThat(CliRun.of(args("verify", source, target, "--grace-seconds", "0")).exitCode())
                .isEqualTo(VerifyCommand.DRIFT_EXIT_CODE);
        execute(target, "INSERT INTO contactsync_dead_letter (topic, kafka_partition, kafka_offset, reason, raw_value, raw_length)"
                + " VALUES ('changes', 0, 1, 'not JSON', ?, 60), ('changes', 0, 2, 'not JSON', ?, 40), ('changes', 0, 3, 'x', ?, 3)",
                "{\"after\":{\"contacts\":\"{\\\"emails\\\":[\\\"ERASE.ME@EXAMPLE.COM\\\"]}\"".getBytes(StandardCharsets.UTF_8),
                "{\"phones\":[\"(415) 555-0123\"]".getBytes(StandardCharsets.UTF_8), "abc".getBytes(StandardCharsets.UTF_8));
        List<String> before = tablesMentioningTheAddress(source, target);
        assertThat(before).contains("profile.contacts: 5", "profile_email.email: 3", "contactsync_dead_letter.raw_value: 1");

        CliRun lookup = CliRun.of(args("lookup", source, target, "--email", " Erase.Me@Example.COM "));
        assertThat(lookup.exitCode()).isZero();
        assertThat(lookup.output()).contains("3 profile(s)", "profile 900002", "profile 900003", "profile 900004",
                "e***@example.com").doesNotContainIgnoringCase(ADDRESS).doesNotContain("note:");
        execute(target, "DROP INDEX profile_email_email_idx");
        CliRun withoutIndex = CliRun.of(args("lookup", source, target, "--email", " Erase.Me@Example.COM "));
        assertThat(withoutIndex.output()).as("lookup while the backfill has not built the index yet")
                .contains("note: the reverse index profile_email_email_idx is not built yet", "3 profile(s)", "profile 900002");
        assertThat(SecondaryIndexes.buildMissing(target)).isEmpty();
        CliRun phoneLookup = CliRun.of(args("lookup", source, target, "--phone", "415.555.0123"));
        assertThat(phoneLookup.output()).contains("3 profile(s)", "profile 900001", "profile 900004", "profile 900006 ",
                "ext 7").doesNotContain(PHONE_DIGITS);

        CliRun dryRun = CliRun.of(args("erase", source, target, "--email", "<ERASE.ME@example.com>", "--dry-run"));
        assertThat(dryRun.exitCode()).isZero();
        assertThat(tablesMentioningTheAddress(source, target)).as("a dry run changes nothing").isEqualTo(before);

        CliRun erase = CliRun.of(args("erase", source, target, "--email", "<ERASE.ME@example.com>"));
        assertThat(erase.exitCode()).isZero();
        assertThat(erase.output()).contains("5 profile(s) hold", "5 rewritten (4 entries removed, 2 other mentions cut)",
                "1 dead letter(s) redacted", "1 verification detail(s) deleted").doesNotContainIgnoringCase(ADDRESS);
        PipelineRun.backfill(config, PipelineRun.productionSink(config), Duration.ofMinutes(3));

        assertThat(tablesMentioningTheAddress(source, target)).isEmpty();
        assertThat(rows(target, "SELECT profile_id || ' ' || email FROM profile_email WHERE profile_id > 900000 ORDER BY 1"))
                .containsExactly("900001 a1@x.com", "900002 a2@x.com", "900002 b2@y.org", "900006 erase.meow@example.com");
        assertThat(rows(source, "SELECT contacts FROM profile WHERE id = 900003")).containsExactly("{\"email\":null}");

        CliRun erasePhone = CliRun.of(args("erase", source, target, "--phone", "+1 (415) 555-0123"));
        assertThat(erasePhone.exitCode()).isZero();
        assertThat(erasePhone.output()).contains("3 profile(s) hold", "1 dead letter(s) redacted").doesNotContain(PHONE_DIGITS);
        PipelineRun.backfill(config, PipelineRun.productionSink(config), Duration.ofMinutes(3));

        assertThat(tablesMentioningThePhone(source, target)).isEmpty();
        assertThat(rows(target, "SELECT count(*) FROM profile_phone WHERE phone = '+1" + PHONE_DIGITS + "'")).containsExactly("0");
        assertThat(rows(target, "SELECT profile_id || ' ' || email FROM profile_email WHERE profile_id > 900000 ORDER BY 1"))
                .containsExactly("900001 a1@x.com", "900002 a2@x.com", "900002 b2@y.org", "900006 erase.meow@example.com");
        assertThat(checksumOfGeneratedProfiles(source)).as("profiles that never held them").isEqualTo(untouchedBefore);
        assertThat(rows(target, "SELECT count(*) FROM contactsync_dead_letter")).containsExactly("3");
    }

    @Test
    void aContactOnlyAnIssueRecordsIsFoundAndErasedWhereItWas() throws Exception {
        JdbcEndpoint source = POSTGRES.newDatabase();
        JdbcEndpoint target = POSTGRES.newDatabase();
        JobConfig config = config(source, target);
        new ProfileTableLoader(source, SqlIdentifier.of("profile"), ContactsColumnType.TEXT).createTableIfAbsent();
        String loose = "Only.Here@example.com";
        insertProfiles(source, Map.of(
                910_001L, "{\"emails\":[\"keep@x.com\"],\"work_email\":\"" + loose + "\"}",
                910_002L, "{\"phones\":[\"+1 415 555 0100\"],\"notes\":\"ask at " + loose.toLowerCase() + " or call\"}",
                910_003L, "{\"emails\":[\"keep@x.com\"],\"notes\":\"only.here@example.com.au is someone else\"}"));
        PipelineRun.backfill(config, PipelineRun.productionSink(config), Duration.ofMinutes(3));
        assertThat(rows(target, "SELECT profile_id || ' ' || code || ' ' || json_path FROM contact_quality_issue"
                + " WHERE normalized_value = 'only.here@example.com' ORDER BY 1"))
                .containsExactly("910001 CONTACT_UNMAPPED $.work_email", "910002 CONTACT_MENTIONED $.notes");

        CliRun lookup = CliRun.of(args("lookup", source, target, "--email", loose));
        assertThat(lookup.exitCode()).isZero();
        assertThat(lookup.output()).contains("2 profile(s)", "profile 910001  only in a quality issue: CONTACT_UNMAPPED at $.work_email",
                "profile 910002  only in a quality issue: CONTACT_MENTIONED at $.notes").doesNotContainIgnoringCase(loose);

        CliRun erase = CliRun.of(args("erase", source, target, "--email", loose));
        assertThat(erase.exitCode()).as(erase.output()).isZero();
        assertThat(erase.output()).contains("2 profile(s) hold").doesNotContainIgnoringCase(loose);
        assertThat(rows(source, "SELECT id || ' ' || contacts FROM profile ORDER BY id")).containsExactly(
                "910001 {\"emails\":[\"keep@x.com\"]}",
                "910002 {\"phones\":[\"+1 415 555 0100\"],\"notes\":\"ask at [erased] or call\"}",
                "910003 {\"emails\":[\"keep@x.com\"],\"notes\":\"only.here@example.com.au is someone else\"}");
        assertThat(rows(target, "SELECT count(*) FROM contact_quality_issue WHERE normalized_value = 'only.here@example.com'"))
                .containsExactly("0");
        PipelineRun.backfill(config, PipelineRun.productionSink(config), Duration.ofMinutes(3));

        assertThat(CliRun.of(args("lookup", source, target, "--email", loose)).output()).contains("0 profile(s)");
        assertThat(rows(source, "SELECT count(*) FROM profile WHERE contacts ~* 'only\\.here@example\\.com($|[^.])'"))
                .containsExactly("0");
        assertThat(rows(target, "SELECT count(*) FROM contact_quality_issue WHERE strpos(lower(raw_value), 'only.here@example.com') > 0"
                + " AND profile_id <> 910003")).containsExactly("0");
    }

    /** Every text-like column of every table in both databases that still holds the address, in any case. */
    private static List<String> tablesMentioningTheAddress(JdbcEndpoint source, JdbcEndpoint target) throws SQLException {
        List<String> found = new ArrayList<>();
        for (JdbcEndpoint db : List.of(source, target)) {
            found.addAll(columnsMatching(db, "strpos(lower(%s), ?) > 0", ADDRESS));
        }
        return found;
    }

    private static List<String> tablesMentioningThePhone(JdbcEndpoint source, JdbcEndpoint target) throws SQLException {
        List<String> found = new ArrayList<>();
        for (JdbcEndpoint db : List.of(source, target)) {
            found.addAll(columnsMatching(db, "strpos(regexp_replace(%s, '[^0-9]', '', 'g'), ?) > 0", PHONE_DIGITS));
        }
        return found;
    }

    private static List<String> columnsMatching(JdbcEndpoint db, String predicate, String needle) throws SQLException {
        List<String> found = new ArrayList<>();
        for (String column : rows(db, "SELECT table_name || '.' || column_name || '.' || data_type FROM information_schema.columns"
                + " WHERE table_schema = 'public' AND data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea')")) {
            String[] parts = column.split("\\.");
            String value = parts[2].equals("bytea")
                    ? "convert_from(" + SqlIdentifier.of(parts[1]).quoted() + ", 'UTF8')"
                    : SqlIdentifier.of(parts[1]).quoted() + "::text";
            String sql = "SELECT count(*) FROM " + SqlIdentifier.of(parts[0]).quoted() + " WHERE " + String.format(predicate, value);
            try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
                s.setString(1, needle);
                try (ResultSet rs = s.executeQuery()) {
                    rs.next();
                    if (rs.getLong(1) > 0) {
                        found.add(parts[0] + "." + parts[1] + ": " + rs.getLong(1));
                    }
                }
            }
        }
        return found;
    }

    private static String checksumOfGeneratedProfiles(JdbcEndpoint source) throws SQLException {
        return rows(source, "SELECT md5(string_agg(coalesce(contacts, '-'), '|' ORDER BY id)) FROM profile WHERE id < 900000").get(0);
    }

    private String[] args(String command, JdbcEndpoint source, JdbcEndpoint target, String... extra) throws Exception {
        Path empty = dir.resolve("empty.yaml");
        if (!Files.exists(empty)) {
            Files.writeString(empty, "");
        }
        List<String> args = new ArrayList<>(List.of(command));
        args.addAll(CliRun.database(source, empty));
        args.addAll(List.of("--set", "target.jdbc-url=" + target.url()));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static JobConfig config(JdbcEndpoint source, JdbcEndpoint target) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("source.jdbc-url", source.url());
        settings.put("source.user", source.user());
        settings.put("source.password-env", source.passwordEnv());
        settings.put("source.country-column", "country");
        settings.put("target.jdbc-url", target.url());
        settings.put("backfill.split-rows", "400");
        settings.put("backfill.page-rows", "200");
        settings.put("job.parallelism", "2");
        settings.put("job.checkpoint-interval", "300ms");
        return ConfigLoader.fromMap(settings);
    }

    private static void insertProfiles(JdbcEndpoint db, Map<Long, String> contacts) throws SQLException {
        for (Map.Entry<Long, String> profile : contacts.entrySet()) {
            execute(db, "INSERT INTO profile (id, contacts, country) VALUES (?, ?, 'US')", profile.getKey(), profile.getValue());
        }
    }

    private static List<String> rows(JdbcEndpoint db, String sql) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = db.connect(); ResultSet rs = c.createStatement().executeQuery(sql)) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }

    private static void execute(JdbcEndpoint db, String sql, Object... parameters) throws SQLException {
        try (Connection c = db.connect(); PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            s.execute();
        }
    }
}
