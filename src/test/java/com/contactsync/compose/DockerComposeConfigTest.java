package com.contactsync.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.source.change.LiveSettings;
import com.contactsync.cluster.JobJar;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.ContactSyncOptions;
import com.contactsync.config.JobConfig;
import com.contactsync.config.RunMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * docker-compose.yml, checked without a Docker engine: it parses; every service has an image; every
 * host path it mounts exists (the job jar under the name the pom gives it); every port is bound to
 * loopback; every secret is a required environment variable; and its settings agree with conf/
 * (Flink, Debezium, PostgreSQL, Prometheus) and with the job's own configuration.
 */
class DockerComposeConfigTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Pattern REQUIRED_VARIABLE = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*):\\?[^}]+}");
    private static final Pattern SECRET_NAME = Pattern.compile(".*(PASSWORD|TOKEN|SECRET).*");
    private static final List<String> FLINK_SERVICES = List.of("jobmanager", "taskmanager", "submit");

    private static ComposeFile compose;
    private static JsonNode connector;
    private static String initSql;
    private static Map<String, String> pom;
    private static JobConfig submitted;

    @BeforeAll
    static void read() throws Exception {
        compose = ComposeFile.read(PROJECT.resolve("docker-compose.yml"));
        connector = new ObjectMapper().readTree(PROJECT.resolve("conf/kafka-connect/contactsync-cdc.json").toFile());
        initSql = Files.readString(PROJECT.resolve(PostgresInitScript.ROLES_SQL));
        pom = Pom.properties(PROJECT.resolve("pom.xml"));
        submitted = ConfigLoader.load(hostPath("submit", argument("--config")), jobSettings());
    }

    @Test
    void everyServiceHasAnImageOrABuild() {
        assertThat(compose.services()).isNotEmpty().allSatisfy((name, service) ->
                assertThat(service.has("image") || service.has("build")).as(name + " has image or build").isTrue());
    }

    @Test
    void everyMountedHostPathExistsAndTheJobJarIsThePomsShadedJar() {
        String jar = "./target/" + JobJar.fileName(PROJECT.resolve("pom.xml"));
        compose.services().keySet().forEach(service -> compose.mounts(service).forEach(mount -> {
            if (!mount.bind()) {
                assertThat(compose.namedVolumes()).as(service + " uses a declared volume").contains(mount.source());
            } else if (mount.source().startsWith("./target/")) {
                assertThat(mount.source()).as(service + " mounts a build output").isEqualTo(jar);
            } else {
                assertThat(PROJECT.resolve(mount.source())).as(service + " mounts an existing path").exists();
            }
        }));
    }

    @Test
    void everyPortIsBoundToLoopbackOnly() {
        compose.services().keySet().forEach(service ->
                assertThat(compose.ports(service)).as(service).allSatisfy(port -> assertThat(port).startsWith("127.0.0.1:")));
    }

    @Test
    void secretsAreRequiredEnvironmentVariablesNeverValues() throws Exception {
        compose.services().keySet().forEach(service -> compose.environment(service).forEach((name, value) -> {
            if (SECRET_NAME.matcher(name).matches()) {
                assertThat(value).as(service + " " + name).matches(REQUIRED_VARIABLE);
            }
        }));
        // Debezium's password is resolved by the Connect worker from its own (required) environment.
        Matcher env = Pattern.compile("\\$\\{env:([A-Z_]+)}").matcher(connector.path("database.password").asText());
        assertThat(env.matches()).as("database.password is ${env:NAME}").isTrue();
        assertThat(variable(compose.environment("connect").get(env.group(1)))).isEqualTo(env.group(1));
        // The roles get their passwords from the postgres container's environment, never from SQL.
        assertThat(initSql).doesNotContainIgnoringCase("password '");
        String passwords = Files.readString(PROJECT.resolve("conf/postgres/20-contactsync-passwords.sh"));
        Matcher required = Pattern.compile(": \"\\$\\{([A-Z_]+):\\?").matcher(passwords);
        while (required.find()) {
            assertThat(variable(compose.environment("postgres").get(required.group(1)))).isEqualTo(required.group(1));
        }
    }

    @Test
    void postgresHasLogicalWalPreparedTransactionsAndTheInitScripts() {
        List<String> command = compose.commandWords("postgres");
        assertThat(command).contains("wal_level=logical");
        String prepared = command.stream().filter(w -> w.startsWith("max_prepared_transactions=")).findFirst().orElseThrow();
        assertThat(Integer.parseInt(prepared.substring(prepared.indexOf('=') + 1))).isPositive();
        assertThat(compose.mountTarget("postgres", "./conf/postgres")).isEqualTo("/docker-entrypoint-initdb.d");
    }

    @Test
    void debeziumCapturesTheProfileAndWatermarkTablesIntoTheJobsTopic() {
        assertThat(text("connector.class")).isEqualTo("io.debezium.connector.postgresql.PostgresConnector");
        assertThat(text("plugin.name")).isEqualTo("pgoutput");
        assertThat(text("snapshot.mode")).as("the backfill reads the existing rows").isEqualTo("no_data");
        for (String side : List.of("key", "value")) {
            assertThat(text(side + ".converter")).isEqualTo("org.apache.kafka.connect.json.JsonConverter");
            assertThat(text(side + ".converter.schemas.enable")).isEqualTo("false");
        }
        assertThat(Long.parseLong(text("heartbeat.interval.ms"))).isPositive();
        assertThat(text("unavailable.value.placeholder")).isEqualTo(LiveSettings.from(submitted).unavailablePlaceholder());

        String jobSchema = match("ALTER ROLE " + submitted.source().user() + " SET search_path = (\\w+)");
        assertThat(initSql).contains("CREATE TABLE IF NOT EXISTS public." + submitted.profileTable().table());
        Set<String> captured = Set.of("public." + submitted.profileTable().table(), qualified(LiveSettings.from(submitted).watermarkTable().toString(), jobSchema));
        assertThat(includedTables()).containsExactlyInAnyOrderElementsOf(captured);

        Pattern route = Pattern.compile(text("transforms.route.regex"));
        assertThat(text("transforms.route.type")).isEqualTo("org.apache.kafka.connect.transforms.RegexRouter");
        for (String table : captured) {
            Matcher topic = route.matcher(text("topic.prefix") + "." + table);
            assertThat(topic.matches()).as("the route matches " + table).isTrue();
            assertThat(topic.replaceFirst(text("transforms.route.replacement"))).isEqualTo(LiveSettings.from(submitted).topic());
        }
    }

    @Test
    void theConnectorUsesThePublicationSlotAndRoleTheInitScriptCreates() {
        assertThat(text("publication.autocreate.mode")).isEqualTo("disabled");
        String tables = match("CREATE PUBLICATION " + text("publication.name") + " FOR TABLE ([^;]+);");
        assertThat(Arrays.stream(tables.split(",")).map(String::trim)).containsExactlyInAnyOrderElementsOf(includedTables());
        assertThat(text("slot.name")).matches("[a-z0-9_]{1,63}");
        assertThat(initSql).containsPattern("CREATE ROLE " + text("database.user") + " LOGIN REPLICATION;");
        assertThat(text("database.hostname")).isIn(compose.services().keySet());
        assertThat(text("database.dbname")).isEqualTo(compose.environment("postgres").get("POSTGRES_DB"));
        String mounted = compose.mountTarget("connect-register", "./conf/kafka-connect");
        assertThat(compose.environment("connect-register").get("CONNECTOR_CONFIG")).isEqualTo(mounted + "/contactsync-cdc.json");
    }

    @Test
    void theChangeTopicIsCreatedUnderTheJobsTopicName() {
        List<String> command = compose.commandWords("kafka-init");
        assertThat(command.get(command.indexOf("--topic") + 1)).isEqualTo(LiveSettings.from(submitted).topic());
    }

    @Test
    void flinkServicesRunTheRepositorysFlinkConfigurationImageAndStateVolume() throws Exception {
        Configuration flink = GlobalConfiguration.loadConfiguration(PROJECT.resolve("conf/flink").toString());
        String stateDir = Path.of(URI.create(flink.getString("execution.checkpointing.dir", ""))).getParent().toString();
        String entrypoint = Files.readString(PROJECT.resolve("conf/flink/contactsync-entrypoint.sh"));
        for (String service : FLINK_SERVICES) {
            assertThat(compose.service(service).path("image").asText()).isEqualTo("flink:" + pom.get("flink.version") + "-java17");
            String conf = compose.mountTarget(service, "./conf/flink");
            assertThat(compose.service(service).path("entrypoint").toString()).contains(conf + "/contactsync-entrypoint.sh");
            assertThat(entrypoint).contains("cp " + conf + "/config.yaml " + conf + "/log4j-console.properties \"$FLINK_HOME/conf/\"");
            assertThat(compose.mounts(service)).as(service + " shares the checkpoint volume")
                    .anySatisfy(m -> assertThat(m.target()).isEqualTo(stateDir));
            assertThat(variable(compose.environment(service).get("PGPASSWORD")))
                    .isEqualTo(variable(compose.environment("postgres").get("CONTACTSYNC_DB_PASSWORD")));
        }
    }

    @Test
    void theSubmittedJobReadsTheStacksDatabaseAndTopicAsTheJobRole() {
        Set<String> known = ContactSyncOptions.all().stream().map(ConfigOption::key).collect(Collectors.toSet());
        assertThat(jobSettings().keySet()).isSubsetOf(known);
        assertThat(submitted.mode()).isEqualTo(RunMode.BOTH);
        assertThat(submitted.source().url()).isEqualTo("jdbc:postgresql://postgres:5432/" + compose.environment("postgres").get("POSTGRES_DB"));
        assertThat(initSql).contains("CREATE SCHEMA " + match("ALTER ROLE (\\w+) SET search_path") + " AUTHORIZATION " + submitted.source().user());
        assertThat(compose.environment("kafka").get("KAFKA_ADVERTISED_LISTENERS")).contains("://" + LiveSettings.from(submitted).bootstrapServers());
        assertThat(words("submit")).contains(compose.mountTarget("submit", "./target/" + JobJar.fileName(PROJECT.resolve("pom.xml"))));
    }

    @Test
    void prometheusScrapesTheReporterPortOfEveryFlinkProcess() throws Exception {
        assertThat(compose.mountTarget("prometheus", "./conf/prometheus")).isEqualTo("/etc/prometheus");
        Configuration flink = GlobalConfiguration.loadConfiguration(PROJECT.resolve("conf/flink").toString());
        JsonNode discovery = ComposeFile.readYaml(PROJECT.resolve("conf/prometheus/prometheus.yml")).path("scrape_configs").get(0).path("dns_sd_configs").get(0);
        assertThat(discovery.path("port").asText()).isEqualTo(flink.getString("metrics.reporter.prom.port", ""));
        List<String> names = new ArrayList<>();
        discovery.path("names").forEach(name -> names.add(name.asText()));
        assertThat(names).contains("jobmanager", "taskmanager").isSubsetOf(compose.services().keySet());
    }

    @Test
    void jupyterGetsTheNotebooksAndAReadOnlyDsn() {
        assertThat(compose.mountTarget("jupyter", "./notebooks")).isEqualTo("/home/jovyan/work");
        Matcher dsn = Pattern.compile("postgresql://(\\w+)@(\\w+):5432/(\\w+)").matcher(compose.environment("jupyter").get("CONTACTSYNC_DSN"));
        assertThat(dsn.matches()).as("CONTACTSYNC_DSN without a password").isTrue();
        assertThat(initSql).contains("CREATE ROLE " + dsn.group(1) + " LOGIN;");
        assertThat(dsn.group(2)).isIn(compose.services().keySet());
        assertThat(dsn.group(3)).isEqualTo(compose.environment("postgres").get("POSTGRES_DB"));
    }

    @Test
    void imagesMatchTheVersionsTheBuildUses() {
        for (String service : List.of("kafka", "kafka-init")) {
            assertThat(compose.service(service).path("image").asText()).isEqualTo("apache/kafka:" + pom.get("kafka.version"));
        }
        String debezium = pom.get("debezium.version");
        assertThat(compose.service("connect").path("image").asText())
                .isEqualTo("quay.io/debezium/connect:" + debezium.substring(0, debezium.indexOf('.', debezium.indexOf('.') + 1)));
    }

    private static List<String> words(String service) {
        return compose.commandWords(service);
    }

    private static String argument(String flag) {
        List<String> words = words("submit");
        return words.get(words.indexOf(flag) + 1);
    }

    /** The submit service's {@code --set key=value} pairs. */
    private static Map<String, String> jobSettings() {
        Map<String, String> settings = new LinkedHashMap<>();
        List<String> words = words("submit");
        for (int i = 0; i + 1 < words.size(); i++) {
            if (words.get(i).equals("--set")) {
                String[] kv = words.get(i + 1).split("=", 2);
                settings.put(kv[0], kv[1]);
            }
        }
        return settings;
    }

    /** The repository file mounted at this container path of the service. */
    private static Path hostPath(String service, String containerPath) {
        return compose.mounts(service).stream().filter(m -> m.target().equals(containerPath)).findFirst()
                .map(m -> PROJECT.resolve(m.source())).orElseThrow(() -> new AssertionError(service + " does not mount " + containerPath));
    }

    private static List<String> includedTables() {
        return Arrays.stream(text("table.include.list").split(",")).map(t -> t.trim().replace("\\.", ".")).toList();
    }

    private static String qualified(String table, String schema) {
        return table.contains(".") ? table : schema + "." + table;
    }

    private static String text(String key) {
        JsonNode value = connector.get(key);
        assertThat(value).as("contactsync-cdc.json has " + key).isNotNull();
        return value.asText();
    }

    private static String match(String regex) {
        Matcher m = Pattern.compile(regex).matcher(initSql);
        assertThat(m.find()).as("the init script has " + regex).isTrue();
        return m.group(1);
    }

    /** The name of the environment variable in a required-style reference, or null. */
    private static String variable(String reference) {
        Matcher m = REQUIRED_VARIABLE.matcher(reference == null ? "" : reference);
        return m.matches() ? m.group(1) : null;
    }
}
