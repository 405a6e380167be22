package com.contactsync.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.contactsync.metrics.QueriedMetrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The Grafana dashboard and its provisioning, without a Grafana: the compose service serves it
 * read-only to anonymous viewers on loopback, every panel queries the provisioned Prometheus
 * datasource, every query is valid PromQL (promtool checks it as a recording rule), and the
 * panels the README describes are there. metrics/MetricNamesITCase checks the metric names.
 */
class GrafanaDashboardTest {

    private static final Path PROJECT = Path.of("").toAbsolutePath();
    private static final Path GRAFANA = Path.of("conf", "grafana");

    @Test
    void composeServesTheProvisionedDashboardToAnonymousViewersOnLoopback() throws Exception {
        ComposeFile compose = ComposeFile.read(PROJECT.resolve("docker-compose.yml"));
        Map<String, String> env = compose.environment("grafana");
        assertThat(env).containsEntry("GF_AUTH_ANONYMOUS_ENABLED", "true").containsEntry("GF_AUTH_ANONYMOUS_ORG_ROLE", "Viewer");
        assertThat(compose.ports("grafana")).singleElement().asString().startsWith("127.0.0.1:");
        assertThat(compose.mountTarget("grafana", "./conf/grafana/provisioning")).isEqualTo("/etc/grafana/provisioning");
        String dashboards = compose.mountTarget("grafana", "./conf/grafana/dashboards");
        JsonNode provider = ComposeFile.readYaml(GRAFANA.resolve("provisioning/dashboards/contactsync.yml")).path("providers").get(0);
        assertThat(provider.path("options").path("path").asText()).isEqualTo(dashboards);
        assertThat(provider.path("allowUiUpdates").asBoolean(true)).isFalse();
        assertThat(env.get("GF_DASHBOARDS_DEFAULT_HOME_DASHBOARD_PATH")).isEqualTo(dashboards + "/contactsync.json");
    }

    @Test
    void everyPanelQueriesTheProvisionedPrometheus() throws Exception {
        JsonNode datasource = ComposeFile.readYaml(GRAFANA.resolve("provisioning/datasources/prometheus.yml")).path("datasources").get(0);
        assertThat(datasource.path("type").asText()).isEqualTo("prometheus");
        ComposeFile compose = ComposeFile.read(PROJECT.resolve("docker-compose.yml"));
        assertThat(datasource.path("url").asText()).isEqualTo("http://prometheus:9090");
        assertThat(compose.services()).containsKey("prometheus");
        String uid = datasource.path("uid").asText();
        for (JsonNode panel : QueriedMetrics.panels(dashboard())) {
            if (!panel.path("type").asText().equals("row")) {
                assertThat(panel.path("datasource").path("uid").asText()).as(panel.path("title").asText()).isEqualTo(uid);
                assertThat(panel.path("targets")).as(panel.path("title").asText()).isNotEmpty()
                        .allSatisfy(target -> assertThat(target.path("datasource").path("uid").asText()).isEqualTo(uid));
            }
        }
    }

    @Test
    void everyQueryIsValidPromQl() throws Exception {
        StringBuilder rules = new StringBuilder("groups:\n  - name: dashboard\n    rules:\n");
        int n = 0;
        for (String expression : QueriedMetrics.dashboardExpressions().values()) {
            rules.append("      - record: dashboard:query_").append(n++).append("\n        expr: ")
                    .append(new ObjectMapper().writeValueAsString(QueriedMetrics.plain(expression))).append('\n');
        }
        Path file = Files.createDirectories(Path.of("target")).resolve("dashboard-queries.rules.yml");
        Files.writeString(file, rules);
        assertThat(Promtool.run("check", "rules", file.toString())).contains("SUCCESS: " + n + " rules found");
    }

    @Test
    void thePanelsTheReadmeDescribesAreThere() throws Exception {
        List<String> titles = new ArrayList<>();
        QueriedMetrics.panels(dashboard()).stream().filter(panel -> !panel.path("type").asText().equals("row"))
                .forEach(panel -> titles.add(panel.path("title").asText()));
        assertThat(titles).contains("Backfill %", "Profiles read /s", "Backfill ETA", "Source load guard",
                "Re-snapshot requests pending", "Re-snapshot profiles read /s", "Re-snapshot progress", "Change lag",
                "Commit-to-visible (upper estimate)", "Dead letters", "Rows written /s per table", "Quality issues by code /s",
                "Unmapped contacts (CONTACT_UNMAPPED), last hour", "Restarts", "Checkpoint duration", "Checkpoint size",
                "Backpressure: keyed operator and sink");
        String readme = Files.readString(Path.of("README.md"));
        assertThat(titles).allSatisfy(title -> assertThat(readme).contains("**" + title + "**"));
    }

    private static JsonNode dashboard() throws Exception {
        return new ObjectMapper().readTree(QueriedMetrics.DASHBOARD.toFile());
    }
}
