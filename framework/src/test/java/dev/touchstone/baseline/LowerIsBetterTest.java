package dev.touchstone.baseline;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.assertion.AbstractMetricAssert;
import dev.touchstone.assertion.SliceAssert;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.model.Model;
import dev.touchstone.result.ComparisonResult;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.scope.QualityScope;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Where lower is better, "worse" means larger, on every comparison path: paired (bootstrap of
 * sums), unpaired (normal approximation from a baseline on other data), with and without a
 * tolerance, absolute or relative. The good model has a third of the champion's errors.
 */
class LowerIsBetterTest {

    static final CheckId CHECK = new CheckId(LowerIsBetterTest.class.getName(), "compares");

    /** 400 examples: truth, a good and a poor prediction, a good and a poor probability of "yes". */
    static Dataset data() {
        DatasetBuilder b = Dataset.builder("lower").columns("id", "y", "good", "poor", "near", "label", "p_good",
                "p_poor", "p_near");
        for (int i = 0; i < 400; i++) {
            double y = 10 + (i % 37);
            double noise = ((i * 7919) % 101 - 50) / 50.0; // in [-1, 1], deterministic
            boolean yes = i % 3 == 0;
            b.row("x" + i, y, y + noise, y + 3 * noise + (i % 2 == 0 ? 1.5 : -1.5), y + 1.2 * noise,
                    yes ? "yes" : "no", yes ? 0.8 + 0.1 * Math.abs(noise) : 0.2 - 0.1 * Math.abs(noise),
                    yes ? 0.45 + 0.1 * noise : 0.55 + 0.1 * noise,
                    yes ? 0.77 + 0.1 * Math.abs(noise) : 0.23 - 0.1 * Math.abs(noise));
        }
        return b.build().withId("id");
    }

    static final Dataset REGRESSION = data().withLabel("y");
    static final Model GOOD = Model.logged("good", REGRESSION.withPrediction("good"));
    static final Model POOR = Model.logged("poor", REGRESSION.withPrediction("poor"));
    static final Dataset SCORES = data().withLabel("label").withPositiveClass("yes").withPrediction("label");
    static final Model CALIBRATED = Model.logged("calibrated", SCORES.withScore("p_good"));
    static final Model MUDDLED = Model.logged("muddled", SCORES.withScore("p_poor"));
    static final Model NEAR = Model.logged("near", REGRESSION.withPrediction("near"));
    static final Model NEARLY_CALIBRATED = Model.logged("nearly", SCORES.withScore("p_near"));

    static Stream<Arguments> metrics() {
        return Stream.of(
                Arguments.of("mae", GOOD, POOR, (Function<SliceAssert, AbstractMetricAssert<?>>) SliceAssert::mae),
                Arguments.of("mse", GOOD, POOR, (Function<SliceAssert, AbstractMetricAssert<?>>) SliceAssert::mse),
                Arguments.of("rmse", GOOD, POOR, (Function<SliceAssert, AbstractMetricAssert<?>>) SliceAssert::rmse),
                Arguments.of("mape", GOOD, POOR, (Function<SliceAssert, AbstractMetricAssert<?>>) SliceAssert::mape),
                Arguments.of("log_loss", CALIBRATED, MUDDLED,
                        (Function<SliceAssert, AbstractMetricAssert<?>>) SliceAssert::logLoss),
                Arguments.of("brier_score", CALIBRATED, MUDDLED,
                        (Function<SliceAssert, AbstractMetricAssert<?>>) SliceAssert::brierScore));
    }

    static List<StatementResult> collect(Runnable statement) {
        List<StatementResult> results = new ArrayList<>();
        QualityScope.current().collecting(results::add, r -> { }).run(statement);
        return results;
    }

    static Verdict verdict(Runnable statement) {
        return collect(statement).get(0).verdict();
    }

    @ParameterizedTest(name = "{0}, paired with a champion")
    @MethodSource("metrics")
    void paired_the_better_model_passes_and_the_worse_fails(String name, Model better, Model worse,
            Function<SliceAssert, AbstractMetricAssert<?>> metric) {
        Function<Model, AbstractMetricAssert<?>> of = m -> metric.apply(assertThat(m).overall());
        assertThat(verdict(() -> of.apply(better).isNotSignificantlyWorseThan(worse))).isEqualTo(Verdict.PASSED);
        assertThat(verdict(() -> of.apply(better).isSignificantlyBetterThan(worse))).isEqualTo(Verdict.PASSED);
        assertThat(verdict(() -> of.apply(better).isNotWorseThan(worse))).isEqualTo(Verdict.PASSED);
        assertThat(verdict(() -> of.apply(better).withConfidence(0.95).isNotWorseThan(worse))).isEqualTo(Verdict.PASSED);
        assertThat(verdict(() -> of.apply(worse).isNotSignificantlyWorseThan(better))).isEqualTo(Verdict.FAILED);
        assertThat(verdict(() -> of.apply(worse).isSignificantlyBetterThan(better))).isEqualTo(Verdict.FAILED);
        assertThat(verdict(() -> of.apply(worse).isNotWorseThan(better))).isEqualTo(Verdict.FAILED);
        assertThat(verdict(() -> of.apply(worse).withConfidence(0.95).isNotWorseThan(better))).isEqualTo(Verdict.FAILED);
        // the sign of the reported difference is model − reference: the better model's is negative
        ComparisonResult c = collect(() -> of.apply(better).isNotSignificantlyWorseThan(worse)).get(0).slices().get(0)
                .comparison().orElseThrow();
        assertThat(c.difference()).isNegative();
        assertThat(c.orientedDifference()).isPositive();
        assertThat(c.pValue()).isGreaterThan(0.5);
    }

    @ParameterizedTest(name = "{0}, a tolerance forgives only a small rise")
    @MethodSource("metrics")
    void a_tolerance_is_a_rise_the_model_may_have(String name, Model better, Model worse,
            Function<SliceAssert, AbstractMetricAssert<?>> metric) {
        double good = metric.apply(assertThat(better).overall()).actual().value();
        double poor = metric.apply(assertThat(worse).overall()).actual().value();
        double gap = poor - good;
        Function<Model, AbstractMetricAssert<?>> of = m -> metric.apply(assertThat(m).overall());
        // the worse model is within a tolerance larger than the gap, and beyond a smaller one
        assertThat(verdict(() -> of.apply(worse).withTolerance(gap * 1.5).isNotWorseThan(better)))
                .isEqualTo(Verdict.PASSED);
        assertThat(verdict(() -> of.apply(worse).withTolerance(gap * 0.5).isNotWorseThan(better)))
                .isEqualTo(Verdict.FAILED);
        // a relative tolerance, against a model slightly worse than the good one
        Model near = better == GOOD ? NEAR : NEARLY_CALIBRATED;
        double relative = (metric.apply(assertThat(near).overall()).actual().value() - good) / good;
        assertThat(relative).as("the near model is worse, by less than 100%%").isBetween(0.01, 0.6);
        assertThat(verdict(() -> of.apply(near).withRelativeTolerance(relative * 1.5).isNotWorseThan(better)))
                .isEqualTo(Verdict.PASSED);
        assertThat(verdict(() -> of.apply(near).withRelativeTolerance(relative * 0.5).isNotWorseThan(better)))
                .isEqualTo(Verdict.FAILED);
    }

    @ParameterizedTest(name = "{0}, unpaired against a baseline recorded on other data")
    @MethodSource("metrics")
    void unpaired_the_better_model_passes_and_the_worse_fails(String name, Model better, Model worse,
            Function<SliceAssert, AbstractMetricAssert<?>> metric, @TempDir Path dir) throws Exception {
        // GIVEN the worse model's value recorded as a baseline of other examples (another fingerprint)
        var poor = metric.apply(assertThat(worse).overall()).actual();
        var good = metric.apply(assertThat(better).overall()).actual();
        write(dir, better, poor.metric(), poor.value(), poor.n(), poor.statistics());
        TouchstoneSettings settings = TouchstoneSettings.defaults().withBaselineDir(dir);
        QualityScope scope = QualityScope.standalone().withSettings(settings).withCheck(CHECK);
        // WHEN the better model is compared with it
        List<StatementResult> better1 = scope.call(() -> collect(() -> metric.apply(assertThat(better).overall())
                .isNotSignificantlyWorseThan(Baseline.previousRun())));
        SliceResult slice = better1.get(0).slices().get(0);
        // THEN the test is unpaired, runs in the metric's direction, and passes
        assertThat(slice.comparison().orElseThrow().paired()).isFalse();
        assertThat(slice.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(slice.comparison().orElseThrow().pValue()).isGreaterThan(0.5);
        assertThat(scope.call(() -> verdict(() -> metric.apply(assertThat(better).overall())
                .isSignificantlyBetterThan(Baseline.previousRun())))).isEqualTo(Verdict.PASSED);
        // and the good model as a baseline makes the worse one fail
        write(dir, worse, good.metric(), good.value(), good.n(), good.statistics());
        assertThat(QualityScope.standalone().withSettings(settings).withCheck(CHECK).call(() -> verdict(
                () -> metric.apply(assertThat(worse).overall()).isNotSignificantlyWorseThan(Baseline.previousRun()))))
                .isEqualTo(Verdict.FAILED);
    }

    /** A baseline of {@code model} on this data set's name, recorded on other examples (another fingerprint). */
    static void write(Path dir, Model model, String metric, double value, long n, Map<String, Double> statistics)
            throws java.io.IOException {
        BaselineEntry entry = new BaselineEntry(CHECK.spec(), CHECK.check(), model.name(), "lower", "overall", metric,
                value, n, 0.95, value, value, "bootstrap-percentile", statistics, "sha256:other", null, null);
        BaselineFile.write(dir.resolve("previous-run").resolve(BaselineFile.FILE_NAME), "previous-run", null,
                List.of(entry));
    }
}
