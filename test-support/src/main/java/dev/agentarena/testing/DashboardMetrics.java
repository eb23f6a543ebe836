package dev.agentarena.testing;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The metrics the Helm chart's Grafana dashboard and its alerts (the PrometheusRule) query, split by the service that
 * exposes them, so that each service's test can scrape its own {@code /q/metrics} and find every one of them.
 */
public final class DashboardMetrics {

    /** From a service module's directory, where its tests run. */
    private static final Path DASHBOARD = Path.of("../deploy/helm/agent-arena/dashboards/agent-arena.json");
    private static final Path ALERTS = Path.of("../deploy/helm/agent-arena/templates/monitoring/prometheusrule.yaml");
    /** An alert's expression in the rule template: from {@code expr:} to the rule's {@code for:}. */
    private static final Pattern ALERT_EXPR = Pattern.compile("expr:(.*?)\\n\\s*for:", Pattern.DOTALL);
    /** Prometheus's own scrape-health series, in no service's /q/metrics. */
    private static final String SCRAPE_HEALTH = "up";
    /** A metric name in a PromQL query: the name right before its label matcher. */
    private static final Pattern METRIC = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)\\{");
    /** Which service's scrape proves a metric exists; framework metrics are checked on the engine. */
    private static final Map<String, List<String>> PREFIXES = Map.of(
            "game-engine", List.of("arena_engine_", "kafka_consumer_", "jvm_", "process_"),
            "persistence-service", List.of("arena_persistence_"),
            "llm-gateway", List.of("arena_gateway_"));

    private DashboardMetrics() {
    }

    /** Every metric name the dashboard's queries and the alerts' expressions use. */
    public static Set<String> all() {
        Set<String> names = dashboard();
        names.addAll(alerts());
        return names;
    }

    private static Set<String> alerts() {
        String rules;
        try {
            rules = Files.readString(ALERTS);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the alert rules " + ALERTS.toAbsolutePath(), e);
        }
        Set<String> names = new TreeSet<>();
        Matcher expr = ALERT_EXPR.matcher(rules);
        while (expr.find()) {
            Matcher metric = METRIC.matcher(expr.group(1));
            while (metric.find()) {
                names.add(metric.group(1));
            }
        }
        names.remove(SCRAPE_HEALTH);
        return names;
    }

    private static Set<String> dashboard() {
        JsonNode dashboard;
        try {
            dashboard = new ObjectMapper().readTree(Files.readString(DASHBOARD));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the dashboard " + DASHBOARD.toAbsolutePath(), e);
        }
        Set<String> names = new TreeSet<>();
        for (JsonNode panel : dashboard.path("panels")) {
            for (JsonNode target : panel.path("targets")) {
                Matcher metric = METRIC.matcher(target.path("expr").asText());
                while (metric.find()) {
                    names.add(metric.group(1));
                }
            }
        }
        return names;
    }

    /** The dashboard's metrics that {@code service} exposes. */
    public static Set<String> of(String service) {
        List<String> prefixes = PREFIXES.get(service);
        return all().stream().filter(name -> prefixes.stream().anyMatch(name::startsWith)).collect(Collectors.toCollection(TreeSet::new));
    }

    /** Metrics no service test would check: must stay empty. */
    public static Set<String> unowned() {
        return all().stream().filter(name -> PREFIXES.values().stream().flatMap(List::stream).noneMatch(name::startsWith))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /** The names among {@code expected} that no series of the Prometheus {@code scrape} carries. */
    public static Set<String> missingFrom(String scrape, Set<String> expected) {
        Set<String> present = scrape.lines().filter(line -> !line.startsWith("#"))
                .map(line -> line.split("[{ ]", 2)[0]).collect(Collectors.toSet());
        return expected.stream().filter(name -> !present.contains(name)).collect(Collectors.toCollection(TreeSet::new));
    }
}
