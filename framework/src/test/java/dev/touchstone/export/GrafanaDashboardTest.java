package dev.touchstone.export;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.internal.json.Json;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The Grafana dashboard shipped in the framework jar ({@code dev/touchstone/export/grafana-dashboard.json}):
 * valid JSON in Grafana's dashboard model, and every query names only metric families that
 * {@link PrometheusExposition} writes, with only labels it writes.
 */
class GrafanaDashboardTest {

    static final String RESOURCE = "/dev/touchstone/export/grafana-dashboard.json";

    /** PromQL words a query may use besides metric names. */
    static final Set<String> PROMQL = Set.of("max", "min", "sum", "avg", "count", "by", "without", "on", "ignoring",
            "and", "or", "unless", "bool", "label_values", "topk", "bottomk", "last_over_time", "max_over_time",
            "min_over_time", "rate", "increase", "clamp_min", "clamp_max", "abs");

    static final Set<String> LABELS = Set.of("spec", "check", "model", "dataset", "slice", "window", "metric", "level",
            "expectation", "reference", "test", "verdict", "version", "seed", "statement", "job", "instance");

    @SuppressWarnings("unchecked")
    static Map<String, Object> dashboard() throws Exception {
        try (InputStream in = GrafanaDashboardTest.class.getResourceAsStream(RESOURCE)) {
            assertThat(in).as(RESOURCE).isNotNull();
            return (Map<String, Object>) Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        }
    }

    /** Every PromQL expression of the dashboard: panel targets and template variable queries. */
    @SuppressWarnings("unchecked")
    static List<String> queries(Map<String, Object> dashboard) {
        List<String> queries = new ArrayList<>();
        for (Object p : (List<Object>) dashboard.get("panels")) {
            for (Object t : (List<Object>) ((Map<String, Object>) p).get("targets")) {
                queries.add((String) ((Map<String, Object>) t).get("expr"));
            }
        }
        for (Object v : (List<Object>) ((Map<String, Object>) dashboard.get("templating")).get("list")) {
            Object query = ((Map<String, Object>) v).get("query");
            if (query instanceof Map<?, ?> q) {
                queries.add((String) q.get("query"));
            }
        }
        return queries;
    }

    @Test
    @SuppressWarnings("unchecked")
    void it_is_a_grafana_dashboard_with_prometheus_panels() throws Exception {
        Map<String, Object> d = dashboard();
        assertThat(d).containsKeys("title", "uid", "schemaVersion", "panels", "templating", "time");
        assertThat(((Number) d.get("schemaVersion")).intValue()).isGreaterThanOrEqualTo(36);
        List<Object> panels = (List<Object>) d.get("panels");
        assertThat(panels).hasSizeGreaterThanOrEqualTo(5);
        for (Object item : panels) {
            Map<String, Object> panel = (Map<String, Object>) item;
            assertThat(panel).containsKeys("id", "type", "title", "gridPos", "targets", "datasource");
            assertThat((List<Object>) panel.get("targets")).isNotEmpty().allSatisfy(t ->
                    assertThat((Map<String, Object>) t).containsKeys("refId", "expr"));
        }
        // the interval band: the upper bound fills down to the lower one, and the threshold is drawn
        String band = panels.toString();
        assertThat(band).contains("custom.fillBelowTo").contains("touchstone_metric_interval_low")
                .contains("touchstone_metric_interval_high").contains("touchstone_metric_threshold");
    }

    @Test
    void queries_name_only_exported_metrics_and_labels() throws Exception {
        List<String> queries = queries(dashboard());
        assertThat(queries).hasSizeGreaterThanOrEqualTo(10);
        Pattern labelMatcher = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)\\s*(=~|!~|!=|=)\\s*\"[^\"]*\"");
        Pattern identifier = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
        for (String query : queries) {
            Matcher labels = labelMatcher.matcher(query);
            while (labels.find()) {
                assertThat(LABELS).as("label in " + query).contains(labels.group(1));
            }
            String bare = labelMatcher.matcher(query).replaceAll("").replaceAll("\"[^\"]*\"", "");
            Matcher words = identifier.matcher(bare);
            boolean named = false;
            while (words.find()) {
                String word = words.group();
                if (word.startsWith("touchstone_")) {
                    assertThat(PrometheusExposition.FAMILIES).as("metric in " + query).contains(word);
                    named = true;
                } else {
                    assertThat(PROMQL.contains(word) || LABELS.contains(word)).as("'" + word + "' in " + query).isTrue();
                }
            }
            assertThat(named).as("a Touchstone metric in " + query).isTrue();
        }
    }
}
