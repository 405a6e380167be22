package com.contactsync.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

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
import com.contactsync.normalize.mapping.Mapping;
import com.contactsync.shapes.CensusResult;
import com.contactsync.shapes.PathShape;
import com.contactsync.shapes.ProposedRules;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code ./contactsync shapes} on a generated table with contacts planted where the default mapping does not
 * read: the census lists those paths as uncovered, and its proposed rules, added to the mapping, cover them.
 */
class ShapesCommandITCase {

    @RegisterExtension
    static final PostgresExtension POSTGRES = new PostgresExtension();

    private static final int PROFILES = 20_000;
    private static final List<String> PLANTED_EMAIL_PATHS = List.of("$.contact.primary.email", "$.work_email");
    private static final List<String> PLANTED_PHONE_PATHS = List.of("$.mobile");

    private static JdbcEndpoint db;

    @TempDir
    static Path dir;

    @BeforeAll
    static void generatedProfilesWithContactsPlantedOutsideTheMapping() throws Exception {
        db = POSTGRES.newDatabase();
        load("profile", PROFILES);
        execute("""
                UPDATE profile SET contacts = contacts || jsonb_build_object('work_email', 'planted.' || id || '@example.com')
                 WHERE id % 10 = 0 AND jsonb_typeof(contacts) = 'object'""");
        execute("""
                UPDATE profile SET contacts = contacts || jsonb_build_object('mobile', '+1 202 555 01' || lpad((id % 100)::text, 2, '0'))
                 WHERE id % 10 = 3 AND jsonb_typeof(contacts) = 'object'""");
        execute("""
                UPDATE profile SET contacts = contacts || jsonb_build_object('contact',
                       jsonb_build_object('primary', jsonb_build_object('email', 'nested.' || id || '@example.org', 'name', 'N')))
                 WHERE id % 10 = 7 AND jsonb_typeof(contacts) = 'object'""");
        execute("ANALYZE profile");
        Files.writeString(dir.resolve("empty.yaml"), "");
    }

    @Test
    void thePlantedPathsAreListedAsUncoveredAndProposedUnderTheirKind() throws Exception {
        CliRun run = CliRun.of(args("--sample", "2000", "--json"));

        assertThat(run.exitCode()).isZero();
        JsonNode json = new ObjectMapper().readTree(run.output());
        assertThat(json.get("sampled").asInt()).isEqualTo(2_000);
        Map<String, JsonNode> paths = new HashMap<>();
        json.get("paths").forEach(p -> paths.put(p.get("path").asText(), p));
        assertThat(List.of("$.work_email", "$.contact.primary.email", "$.mobile", "$.emails", "$.phones[*]"))
                .allMatch(paths::containsKey);
        assertThat(paths.get("$.work_email").get("emails").asInt()).isPositive(); // block sampling: planted (updated) rows sit together at the end of the table
        assertThat(paths.get("$.work_email").get("covered").asBoolean()).isFalse();
        assertThat(paths.get("$.contact.primary.email").get("emails").asInt()).isPositive(); // block sampling: planted (updated) rows sit together at the end of the table
        assertThat(paths.get("$.contact.primary.email").get("covered").asBoolean()).isFalse();
        assertThat(paths.get("$.contact.primary.name").get("types").toString()).isEqualTo("[\"string\"]");
        assertThat(paths.get("$.mobile").get("phones").asInt()).isPositive(); // block sampling: planted (updated) rows sit together at the end of the table
        assertThat(paths.get("$.mobile").get("covered").asBoolean()).isFalse();
        assertThat(paths.get("$.emails").get("covered").asBoolean()).isTrue();
        assertThat(paths.get("$.emails").get("types").toString()).contains("array");
        assertThat(paths.get("$.phones[*]").get("phones").asInt()).isPositive();
        assertThat(json.get("coverage").asDouble()).isBetween(0.5, 0.99);
        // Besides the planted paths, the generator's rare unexpected shapes ({"contact": {"email": ...}} and a
        // top-level array, holding an email or a phone) keep contacts no rule reads: proposed when sampled.
        assertThat(texts(json.get("proposal").get("emails"))).containsAll(PLANTED_EMAIL_PATHS)
                .isSubsetOf("$.contact.primary.email", "$.work_email", "$.contact.email", "$[*]");
        assertThat(texts(json.get("proposal").get("phones"))).containsAll(PLANTED_PHONE_PATHS)
                .isSubsetOf("$.mobile", "$.contact.email", "$[*]");
    }

    @Test
    void theTableShowsTheSampleThePathsAndTheCoverage() {
        CliRun run = CliRun.of(args("--sample", "2000"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("2,000 profiles sampled from profile (about 20,000 rows; TABLESAMPLE SYSTEM",
                "PATH", "PROFILES", "TYPES", "EMAILS", "PHONES", "COVERED", "no - contacts missed", "coverage: ",
                "proposed rules", "    - path: $.work_email ");
        assertThat(run.output().lines().filter(line -> line.startsWith("$.mobile ")).findFirst().orElseThrow())
                .matches("\\$\\.mobile +[0-9,]+  string +- +[0-9,]+  no - contacts missed");
    }

    @Test
    void theProposedSnippetAddedToTheMappingCoversEveryContact() {
        // The whole table both times, so that the second census sees no path the first did not.
        CliRun run = CliRun.of(args("--sample", "50000"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).contains("20,000 profiles sampled from profile (about 20,000 rows; read whole)");
        String snippet = run.output().substring(run.output().indexOf("mapping:\n"), run.output().indexOf("\n\nsampled in"));
        Mapping proposed = ProposedRules.appendedTo(Mapping.defaults(), snippet);

        JobConfig config = config("profile");
        CensusResult again = ShapesCommand.census(config, proposed, ShapesCommand.sample(config, 50_000));

        assertThat(again.coverage()).isEqualTo(1.0);
        assertThat(again.proposal().isEmpty()).isTrue();
        assertThat(again.paths()).filteredOn(p -> PLANTED_EMAIL_PATHS.contains(p.path()) || PLANTED_PHONE_PATHS.contains(p.path()))
                .hasSize(3).allMatch(PathShape::covered);
    }

    @Test
    void aTableSmallerThanTheSampleIsReadWhole() throws SQLException {
        long planted = queryLong("SELECT count(*) FROM profile WHERE contacts ? 'work_email'");

        CensusResult census = ShapesCommand.census(config("profile"), Mapping.defaults(), ShapesCommand.sample(config("profile"), 50_000));

        assertThat(census.documents().sampled()).isEqualTo(PROFILES);
        assertThat(census.paths()).filteredOn(p -> p.path().equals("$.work_email"))
                .extracting(PathShape::profiles, PathShape::emails).containsExactly(tuple((int) planted, (int) planted));
    }

    @Test
    void aTableNeverAnalyzedIsSampledOnExplainsEstimate() throws Exception {
        load("profile_fresh", 8_000);

        CliRun run = CliRun.of(args("--sample", "1000", "--set", "source.table=profile_fresh"));

        assertThat(run.exitCode()).isZero();
        assertThat(run.output()).containsPattern("[0-9,]+ profiles sampled from profile_fresh \\(about [1-9][0-9,]+ rows;"
                + " TABLESAMPLE SYSTEM");
    }

    private static List<String> texts(JsonNode rules) {
        List<String> paths = new ArrayList<>();
        rules.forEach(r -> paths.add(r.get("path").asText()));
        return paths;
    }

    private static void load(String table, int profiles) {
        ProfileTableLoader loader = new ProfileTableLoader(db, SqlIdentifier.of(table), ContactsColumnType.JSONB);
        loader.createTableIfAbsent();
        loader.load(new ProfileGenerator(42, GeneratorSettings.defaults()), profiles, IdLayout.dense());
    }

    private static JobConfig config(String table) {
        return ConfigLoader.load(dir.resolve("empty.yaml"), Map.of("source.jdbc-url", db.url(), "source.user", db.user(),
                "source.password-env", db.passwordEnv(), "source.country-column", "country", "source.table", table));
    }

    private String[] args(String... extra) {
        List<String> args = new ArrayList<>(List.of("shapes"));
        args.addAll(CliRun.database(db, dir.resolve("empty.yaml")));
        args.addAll(List.of(extra));
        return args.toArray(String[]::new);
    }

    private static long queryLong(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement(); java.sql.ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
