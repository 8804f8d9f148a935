package dev.touchstone.model.endpoint;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.baseline.Baseline;
import dev.touchstone.baseline.BaselineEntry;
import dev.touchstone.baseline.BaselineFile;
import dev.touchstone.baseline.CheckId;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.model.Model;
import dev.touchstone.model.endpoint.TestServer.Reply;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.scope.QualityScope;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A lower error rate is better on every path: against a champion whose requests failed (their
 * summaries are compared; its failures are not an error), and against a recorded baseline.
 */
class ErrorRateComparisonTest {

    static final CheckId CHECK = new CheckId(ErrorRateComparisonTest.class.getName(), "errors");
    static TestServer healthy;
    static TestServer failing;

    @BeforeAll
    static void start() throws Exception {
        healthy = LanguageServer.start();
        // every fifth request (4 examples each) gets a 400: 80 of 400 examples fail
        failing = LanguageServer.start(id -> Integer.parseInt(id.substring(id.lastIndexOf('-') + 1)) % 5 == 0
                ? Reply.status(400, "{\"error\":\"bad\"}") : null);
    }

    @AfterAll
    static void stop() {
        healthy.stop();
        failing.stop();
    }

    static Dataset texts() {
        DatasetBuilder b = Dataset.builder("texts").columns("sentence", "language");
        for (int i = 0; i < 400; i++) {
            b.row(i % 2 == 0 ? "the text " + i : "le texte " + i, i % 2 == 0 ? "en" : "fr");
        }
        return b.build().withLabel("language").withPositiveClass("en");
    }

    static Model on(TestServer server, String name) {
        return Model.openInference(server.base(), "lang").input("text", "sentence").labelOutput("label").batchSize(4)
                .retries(0).timeout(Duration.ofSeconds(5));
    }

    static List<StatementResult> collect(Runnable statement) {
        List<StatementResult> results = new ArrayList<>();
        QualityScope.current().collecting(results::add, r -> { }).run(statement);
        return results;
    }

    @Test
    void against_a_champion_that_failed_examples_the_rates_are_compared_in_the_right_direction() {
        Dataset data = texts();
        Model model = on(healthy, "model");
        Model champion = on(failing, "champion");
        assertThat(assertThat(champion).on(data).overall().errorRate().actual().value()).isEqualTo(0.2);

        SliceResult worse = collect(() -> assertThat(model).on(data).overall().errorRate()
                .isNotSignificantlyWorseThan(champion)).get(0).slices().get(0);
        assertThat(worse.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(worse.comparison().orElseThrow().pValue()).isGreaterThan(0.99);
        assertThat(collect(() -> assertThat(model).on(data).overall().errorRate().isSignificantlyBetterThan(champion))
                .get(0).verdict()).isEqualTo(Verdict.PASSED);
        assertThat(collect(() -> assertThat(model).on(data).overall().errorRate().withConfidence(0.95)
                .isNotWorseThan(champion)).get(0).verdict()).isEqualTo(Verdict.PASSED);
        // and the other way round
        assertThat(collect(() -> assertThat(champion).on(data).overall().errorRate().isNotSignificantlyWorseThan(model))
                .get(0).verdict()).isEqualTo(Verdict.FAILED);
    }

    @Test
    void against_a_recorded_baseline_0_of_400_is_better_than_40_of_200(@TempDir Path dir) throws Exception {
        // GIVEN a baseline that failed 40 of 200 examples, recorded on other data
        Model model = on(healthy, "model");
        BaselineFile.write(dir.resolve("previous-run").resolve(BaselineFile.FILE_NAME), "previous-run", null,
                List.of(new BaselineEntry(CHECK.spec(), CHECK.check(), model.name(), "texts", "overall", "error_rate",
                        0.2, 200, 0.95, 0.15, 0.26, "wilson", Map.of("successes", 40.0, "trials", 200.0),
                        "sha256:other", null, null)));
        QualityScope scope = QualityScope.standalone().withSettings(TouchstoneSettings.defaults().withBaselineDir(dir))
                .withCheck(CHECK);
        Dataset data = texts();
        // WHEN the endpoint that failed nothing is compared with it
        SliceResult notWorse = scope.call(() -> collect(() -> assertThat(model).on(data).overall().errorRate()
                .isNotSignificantlyWorseThan(Baseline.previousRun()))).get(0).slices().get(0);
        // THEN not "significantly worse: 0.2000 worse": it is 0.2 better, and the test of "worse" says so
        ComparisonResult c = notWorse.comparison().orElseThrow();
        assertThat(notWorse.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(c.difference()).isEqualTo(-0.2);
        assertThat(c.pValue()).isGreaterThan(0.99);
        assertThat(notWorse.reason()).contains("better");
        assertThat(scope.call(() -> collect(() -> assertThat(model).on(data).overall().errorRate()
                .isSignificantlyBetterThan(Baseline.previousRun())).get(0).verdict())).isEqualTo(Verdict.PASSED);
        assertThat(scope.call(() -> collect(() -> assertThat(model).on(data).overall().errorRate().withConfidence(0.95)
                .isNotWorseThan(Baseline.previousRun())).get(0).verdict())).isEqualTo(Verdict.PASSED);
    }
}
