package com.contactsync.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.job.JobEnvironment;
import com.contactsync.config.ConfigLoader;
import com.contactsync.config.ContactSyncOptions;
import com.contactsync.config.JobConfig;
import com.contactsync.config.RunMode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.apache.flink.configuration.ConfigOption;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.GlobalConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * conf/kubernetes/flink-deployment.yaml, without a cluster: it is valid against the operator's
 * FlinkDeployment schema ({@link FlinkDeploymentSchema}) and agrees with the job and conf/ — the
 * entry class it names exists (read from the YAML, so a moved class only needs the YAML changed),
 * the job's arguments load into a valid configuration with known options only, state and HA live
 * on durable storage, upgrades go through savepoints, the uid and max-parallelism settings
 * savepoints depend on are there, and the password comes from the example Secret's key.
 */
class FlinkDeploymentTest {

    private static final Path DIR = Path.of("conf", "kubernetes");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    private static JsonNode deployment;
    private static Map<String, String> flink;
    private static JobConfig job;

    @BeforeAll
    static void read() throws Exception {
        deployment = YAML.readTree(DIR.resolve("flink-deployment.yaml").toFile());
        flink = new LinkedHashMap<>();
        deployment.path("spec").path("flinkConfiguration").fields().forEachRemaining(e -> flink.put(e.getKey(), e.getValue().asText()));
        job = ConfigLoader.load(Path.of(argument("--config")
                .replace(mountPath("contactsync-conf"), "conf")), sets());
    }

    @Test
    void isAValidFlinkDeploymentOfTheOperatorsSchema() throws Exception {
        assertThat(deployment.path("apiVersion").asText()).isEqualTo("flink.apache.org/v1beta1");
        assertThat(deployment.path("kind").asText()).isEqualTo("FlinkDeployment");
        FlinkDeploymentSchema schema = FlinkDeploymentSchema.load();
        assertThat(schema.violations(deployment)).isEmpty();
        // The schema is strict enough to catch a misspelt field, which Kubernetes would silently drop.
        ObjectNode typo = deployment.deepCopy();
        ((ObjectNode) typo.path("spec").path("job")).put("upgradeMod", "savepoint");
        assertThat(schema.violations(typo)).isNotEmpty();
    }

    @Test
    void theEntryClassExistsAndHasAMain() throws Exception {
        String entryClass = deployment.path("spec").path("job").path("entryClass").asText();
        Method main = Class.forName(entryClass).getMethod("main", String[].class);
        assertThat(Modifier.isStatic(main.getModifiers())).isTrue();
        assertThat(deployment.path("spec").path("job").path("jarURI").asText()).startsWith("local:///opt/flink/usrlib/");
    }

    @Test
    void theJobsArgumentsAreKnownOptionsThatLoadIntoAValidConfiguration() {
        Set<String> known = ContactSyncOptions.all().stream().map(ConfigOption::key).collect(Collectors.toSet());
        assertThat(sets().keySet()).isSubsetOf(known);
        assertThat(job.mode()).isEqualTo(RunMode.BOTH);
        assertThat(argument("--config")).endsWith("/contactsync.yaml");
        assertThat(deployment.path("spec").path("podTemplate").path("spec").path("volumes").get(0).path("configMap").path("name").asText())
                .isEqualTo("contactsync-conf");
    }

    @Test
    void parallelismAndMaxParallelismAgreeWithTheJob() {
        int parallelism = deployment.path("spec").path("job").path("parallelism").asInt();
        assertThat(job.parallelism()).isEqualTo(parallelism);
        assertThat(flink).containsEntry("pipeline.max-parallelism", String.valueOf(JobEnvironment.MAX_PARALLELISM));
        assertThat(parallelism).isBetween(1, JobEnvironment.MAX_PARALLELISM);
        assertThat(parallelism % Integer.parseInt(flink.get("taskmanager.numberOfTaskSlots"))).as("whole TaskManagers").isZero();
    }

    @Test
    void upgradesGoThroughCanonicalSavepointsAndStateIsDurable() {
        JsonNode spec = deployment.path("spec");
        assertThat(spec.path("job").path("upgradeMode").asText()).isEqualTo("savepoint");
        assertThat(spec.path("job").path("allowNonRestoredState").asBoolean(true)).isFalse();
        assertThat(flink).containsEntry("kubernetes.operator.savepoint.format.type", "CANONICAL")
                .containsEntry("high-availability.type", "kubernetes");
        for (String dir : List.of("execution.checkpointing.dir", "execution.checkpointing.savepoint-dir", "high-availability.storageDir")) {
            assertThat(flink.get(dir)).as(dir + " on durable storage").matches("(s3|s3a|gs|abfss|hdfs)://.+");
        }
    }

    @Test
    void savepointSafetyAndMetricsSettingsMatchTheComposeCluster() {
        Configuration compose = GlobalConfiguration.loadConfiguration(Path.of("conf", "flink").toString());
        assertThat(flink).containsEntry("pipeline.auto-generate-uids", "false").containsEntry("pipeline.generic-types", "false");
        List<String> differing = new ArrayList<>();
        for (Map.Entry<String, String> setting : compose.toMap().entrySet()) {
            String key = setting.getKey();
            boolean local = key.startsWith("execution.checkpointing.dir") || key.equals("execution.checkpointing.savepoint-dir")
                    || key.startsWith("jobmanager.memory") || key.startsWith("taskmanager.memory.process")
                    || key.equals("taskmanager.numberOfTaskSlots") || key.equals("parallelism.default");
            if (!local && !setting.getValue().equals(flink.get(key))) {
                differing.add(key + ": conf/flink " + setting.getValue() + " vs " + flink.get(key));
            }
        }
        assertThat(differing).as("settings of conf/flink/config.yaml the FlinkDeployment must share").isEmpty();
    }

    @Test
    void thePasswordComesFromTheExampleSecretWhichHoldsNoValue() throws Exception {
        JsonNode container = deployment.path("spec").path("podTemplate").path("spec").path("containers").get(0);
        assertThat(container.path("name").asText()).isEqualTo("flink-main-container");
        JsonNode password = null;
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals(job.source().passwordEnv())) {
                password = env;
            }
        }
        assertThat(password).as("an env var " + job.source().passwordEnv()).isNotNull();
        assertThat(password.has("value")).isFalse();
        JsonNode ref = password.path("valueFrom").path("secretKeyRef");
        JsonNode secret = YAML.readTree(DIR.resolve("contactsync-db-secret.example.yaml").toFile());
        assertThat(secret.path("kind").asText()).isEqualTo("Secret");
        assertThat(secret.path("metadata").path("name").asText()).isEqualTo(ref.path("name").asText());
        assertThat(secret.path("stringData").has(ref.path("key").asText())).isTrue();
        secret.path("stringData").forEach(value -> assertThat(value.asText()).isEmpty());
        assertThat(secret.has("data")).isFalse();
    }

    private static String mountPath(String volume) {
        for (JsonNode mount : deployment.path("spec").path("podTemplate").path("spec").path("containers").get(0).path("volumeMounts")) {
            if (mount.path("name").asText().equals(volume)) {
                return mount.path("mountPath").asText();
            }
        }
        throw new AssertionError("no volume mount " + volume);
    }

    private static List<String> args() {
        List<String> args = new ArrayList<>();
        deployment.path("spec").path("job").path("args").forEach(arg -> args.add(arg.asText()));
        return args;
    }

    private static String argument(String flag) {
        List<String> args = args();
        return args.get(args.indexOf(flag) + 1);
    }

    private static Map<String, String> sets() {
        Map<String, String> sets = new LinkedHashMap<>();
        List<String> args = args();
        for (int i = 0; i < args.size(); i++) {
            if (args.get(i).equals("--set")) {
                String[] kv = args.get(++i).split("=", 2);
                sets.put(kv[0], kv[1]);
            }
        }
        return sets;
    }
}
