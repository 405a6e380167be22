package com.contactsync.metrics;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL the Grafana dashboard and the alert rules run, and the metric names and label
 * matchers in it. Every metric ContactSync queries is a Flink metric, so a name is any
 * {@code flink_…} identifier outside string literals, plus the {@code __name__=~"…"} regexes.
 */
public final class QueriedMetrics {

    public static final Path DASHBOARD = Path.of("conf", "grafana", "dashboards", "contactsync.json");
    public static final Path RULES = Path.of("conf", "prometheus", "rules", "contactsync.yml");

    /** Grafana's variables, with values that make each expression plain PromQL. */
    private static final Map<String, String> VARIABLES = Map.of(
            "$__rate_interval", "1m", "$__range", "6h", "$job", ".*", "$profiles_total", "100000",
            "$checkpoint_interval_ms", "1000");

    private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");
    private static final Pattern NAME = Pattern.compile("\\bflink_[A-Za-z0-9_:]+");
    private static final Pattern NAME_REGEX = Pattern.compile("__name__\\s*=~\\s*\"([^\"]*)\"");
    private static final Pattern MATCHER = Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|=)\\s*\"([^\"]*)\"");

    /** A label matcher of a query: the label must have a value the regex (or text) matches in full. */
    public record LabelMatcher(String label, String regex) {}

    private QueriedMetrics() {}

    /** Panel title (with the target's refId) → expression, Grafana variables as written. */
    public static Map<String, String> dashboardExpressions() throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode panel : panels(new ObjectMapper().readTree(DASHBOARD.toFile()))) {
            for (JsonNode target : panel.path("targets")) {
                expressions.put(panel.path("title").asText() + " [" + target.path("refId").asText() + "]",
                        target.path("expr").asText());
            }
        }
        return expressions;
    }

    /** Every panel, also those inside collapsed rows. */
    public static List<JsonNode> panels(JsonNode dashboard) {
        List<JsonNode> panels = new ArrayList<>();
        for (JsonNode panel : dashboard.path("panels")) {
            panels.add(panel);
            panel.path("panels").forEach(panels::add);
        }
        return panels;
    }

    /** Alert name → expression. */
    public static Map<String, String> ruleExpressions() throws IOException {
        Map<String, String> expressions = new LinkedHashMap<>();
        for (JsonNode group : new ObjectMapper(new YAMLFactory()).readTree(RULES.toFile()).path("groups")) {
            for (JsonNode rule : group.path("rules")) {
                expressions.put("alert " + rule.path("alert").asText(), rule.path("expr").asText());
            }
        }
        return expressions;
    }

    /** Dashboard and rules together: where → expression. */
    public static Map<String, String> all() throws IOException {
        Map<String, String> all = new LinkedHashMap<>(dashboardExpressions());
        all.putAll(ruleExpressions());
        return all;
    }

    /** The expression with Grafana's variables replaced by plain values. */
    public static String plain(String expression) {
        String plain = expression;
        for (Map.Entry<String, String> variable : VARIABLES.entrySet()) {
            plain = plain.replace(variable.getKey(), variable.getValue());
        }
        return plain;
    }

    static Set<String> names(String expression) {
        Set<String> names = new LinkedHashSet<>();
        Matcher name = NAME.matcher(STRING.matcher(expression).replaceAll("\"\""));
        while (name.find()) {
            names.add(name.group());
        }
        return names;
    }

    static Set<String> nameRegexes(String expression) {
        Set<String> regexes = new LinkedHashSet<>();
        Matcher regex = NAME_REGEX.matcher(expression);
        while (regex.find()) {
            regexes.add(regex.group(1));
        }
        return regexes;
    }

    /** Matchers on labels other than {@code __name__}, except those that hold a Grafana variable. */
    static Set<LabelMatcher> labelMatchers(String expression) {
        Set<LabelMatcher> matchers = new LinkedHashSet<>();
        Matcher matcher = MATCHER.matcher(expression);
        while (matcher.find()) {
            String label = matcher.group(1);
            String value = matcher.group(3);
            if (!label.equals("__name__") && !value.contains("$")) {
                matchers.add(new LabelMatcher(label, matcher.group(2).equals("=~") ? value : Pattern.quote(value)));
            }
        }
        return matchers;
    }
}
