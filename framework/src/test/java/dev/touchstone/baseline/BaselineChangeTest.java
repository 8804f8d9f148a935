package dev.touchstone.baseline;

import static org.assertj.core.api.BDDAssertions.then;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** What promotion calls improved or degraded follows each metric's own direction. */
class BaselineChangeTest {

    private static BaselineEntry entry(String metric, double value) {
        return new BaselineEntry("Spec", "check", "m", "d", "overall", metric, value, 100, 0.95, value, value,
                "exact", Map.of(), null, null, null);
    }

    @ParameterizedTest(name = "{0} from {1} to {2} is {3}")
    @CsvSource({
        "accuracy, 0.90, 0.95, improved",
        "accuracy, 0.95, 0.90, degraded",
        "log_loss, 0.30, 0.20, improved",
        "mae, 1.0, 2.0, degraded",
        "error_rate, 0.01, 0.20, degraded",
        "error_rate, 0.20, 0.01, improved",
        "latency_p95_ms, 100, 250, degraded",
        "latency_p50_ms, 80, 40, improved",
        "latency_p99_ms, 300, 900, degraded",
        "throughput, 200, 100, degraded",
        "f1(macro), 0.80, 0.70, degraded",
        "recall(class=cat), 0.70, 0.80, improved",
    })
    void a_change_is_judged_in_the_metric_direction(String metric, double before, double after, String expected) {
        String key = entry(metric, after).key();
        BaselineChange change = BaselineStore.plan(Path.of("b"), Map.of(key, entry(metric, before)),
                Map.of(key, entry(metric, after)), false);
        then(change.entries()).singleElement().satisfies(e -> {
            then(e.kind().label()).isEqualTo(expected);
            then(e.key()).isEqualTo(key);
        });
    }
}
