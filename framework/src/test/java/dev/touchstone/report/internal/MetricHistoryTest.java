package dev.touchstone.report.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.result.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The metric history behind the over-runs charts. */
class MetricHistoryTest {

    private static final String KEY = "Spec#check|camera=front|recall|above|0";

    private static MetricHistory.Run run(String id, int minute, double value) {
        return new MetricHistory.Run(id, Instant.parse("2026-12-06T00:00:00Z").plusSeconds(60L * minute),
                Map.of(KEY, new MetricHistory.Point("recall", "camera=front", Verdict.PASSED, value, value - 0.02,
                        value + 0.02, 0.95, 400, "above", 0.85, null, null, null, null)));
    }

    @Test
    void a_report_generated_twice_from_one_run_adds_it_once() {
        MetricHistory history = MetricHistory.empty().with(run("a", 0, 0.95)).with(run("b", 1, 0.93))
                .with(run("b", 1, 0.93));
        assertThat(history.runs()).extracting(MetricHistory.Run::runId).containsExactly("a", "b");
    }

    @Test
    void keeps_the_newest_runs_oldest_first() {
        MetricHistory history = MetricHistory.empty();
        for (int i = MetricHistory.MAX_RUNS + 5; i > 0; i--) {
            history = history.with(run("r" + i, i, 0.9));
        }
        List<String> ids = new ArrayList<>(history.runs().stream().map(MetricHistory.Run::runId).toList());
        assertThat(ids).hasSize(MetricHistory.MAX_RUNS).startsWith("r6").endsWith("r" + (MetricHistory.MAX_RUNS + 5));
    }

    @Test
    void survives_a_round_trip_through_its_file_and_charts_every_run(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(MetricHistory.FILE_NAME);
        Files.write(file, MetricHistory.empty().with(run("a", 0, 0.95)).with(run("b", 1, 0.91)).json());
        MetricHistory read = MetricHistory.read(file);
        assertThat(read.runs()).hasSize(2);
        assertThat(read.runs().get(1).points().get(KEY).value()).isEqualTo(0.91);
        String chart = read.chart(KEY).orElseThrow();
        assertThat(chart).contains("recall over runs", "2 runs", "0.9500", "0.9100");
    }

    @Test
    void an_unreadable_file_starts_the_history_again(@TempDir Path dir) throws Exception {
        Path file = dir.resolve(MetricHistory.FILE_NAME);
        Files.writeString(file, "{not json");
        assertThat(MetricHistory.read(file).runs()).isEmpty();
    }
}
