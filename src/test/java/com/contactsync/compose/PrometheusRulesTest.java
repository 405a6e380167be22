package com.contactsync.compose;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The alert rules of conf/prometheus, checked by Prometheus's own promtool: they parse, the compose
 * Prometheus's configuration loads them, and their unit tests (input series → expected alerts)
 * pass; every alert has a test that makes it fire and is described in the README.
 */
class PrometheusRulesTest {

    private static final Path PROMETHEUS = Path.of("conf", "prometheus");
    private static final Path RULES = PROMETHEUS.resolve("rules/contactsync.yml");
    private static final Path TESTS = PROMETHEUS.resolve("tests/contactsync.test.yml");

    @Test
    void rulesPassPromtoolCheck() throws Exception {
        assertThat(Promtool.run("check", "rules", RULES.toString())).contains("SUCCESS");
    }

    @Test
    void rulesPassTheirUnitTests() throws Exception {
        assertThat(Promtool.run("test", "rules", TESTS.toString())).contains("SUCCESS");
    }

    @Test
    void theComposePrometheusConfigurationIsValidAndLoadsTheRules() throws Exception {
        String output = Promtool.run("check", "config", PROMETHEUS.resolve("prometheus.yml").toString());
        assertThat(output).contains("SUCCESS: " + alerts().size() + " rules found", RULES.toString());
    }

    @Test
    void everyAlertHasAUnitTestInWhichItFires() throws Exception {
        Set<String> firing = new LinkedHashSet<>();
        for (JsonNode test : ComposeFile.readYaml(TESTS).path("tests")) {
            for (JsonNode check : test.path("alert_rule_test")) {
                if (!check.path("exp_alerts").isEmpty()) {
                    firing.add(check.path("alertname").asText());
                }
            }
        }
        assertThat(firing).containsExactlyInAnyOrderElementsOf(alerts());
    }

    @Test
    void everyAlertIsDescribedInTheReadme() throws Exception {
        String readme = Files.readString(Path.of("README.md"));
        assertThat(alerts()).allSatisfy(alert -> assertThat(readme).contains("`" + alert + "`"));
    }

    private static Set<String> alerts() throws Exception {
        Set<String> alerts = new LinkedHashSet<>();
        for (JsonNode group : ComposeFile.readYaml(RULES).path("groups")) {
            group.path("rules").forEach(rule -> alerts.add(rule.path("alert").asText()));
        }
        return alerts;
    }
}
