package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.scope.QualityScope;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every value that only rests on a convention for 0/0 (scikit-learn's 0, or an epsilon) is
 * undefined, and a statement on it is INCONCLUSIVE whatever its bound: never a confident verdict.
 */
class ConventionsTest {

    /**
     * Labels and predictions, one pair per row: "a>b" is true a, predicted b. Statements look at
     * slice part=s; a pair after "|" goes to another part, so its classes are known to the data.
     */
    static Model model(String... pairs) {
        DatasetBuilder b = Dataset.builder("conventions").columns("label", "predicted", "part");
        boolean yes = false;
        for (String pair : pairs) {
            boolean other = pair.startsWith("|");
            String[] lp = pair.replace("|", "").split(">");
            b.row(lp[0], lp[1], other ? "o" : "s");
            yes |= lp[0].equals("yes") || lp[1].equals("yes");
        }
        Dataset data = b.build().withLabel("label").withPrediction("predicted");
        return Model.logged("m", yes ? data.withPositiveClass("yes") : data);
    }

    static Model regression(double[] truth, double[] predicted) {
        DatasetBuilder b = Dataset.builder("regression").columns("y", "y_hat", "part");
        for (int i = 0; i < truth.length; i++) {
            b.row(truth[i], predicted[i], "s");
        }
        return Model.logged("r", b.build().withLabel("y").withPrediction("y_hat"));
    }

    static Arguments convention(String name, Model model, Function<SliceAssert, AbstractMetricAssert<?>> metric,
            double conventionalValue, String reason) {
        return Arguments.of(name, model, metric, conventionalValue, reason);
    }

    static Stream<Arguments> conventions() {
        Model allYesPredicted = model("yes>yes", "no>yes", "yes>yes", "no>yes");
        Model allYesTrue = model("yes>yes", "yes>no", "yes>yes", "yes>no");
        Model noYesInTheSlice = model("no>no", "no>no", "no>no", "|yes>yes");
        Model threeClasses = model("a>a", "a>b", "b>b", "c>a", "c>b");
        return Stream.of(
                convention("precision of a class never predicted", model("yes>no", "no>no"), s -> s.precision(), 0,
                        "no example of the slice is predicted as 'yes'"),
                convention("recall of a class that never occurs", model("no>yes", "no>no"), s -> s.recall(), 0,
                        "no example of the slice has the true class 'yes'"),
                convention("F1 of a class that neither occurs nor is predicted", noYesInTheSlice,
                        s -> s.f1().forClass("yes"), 0, "neither occurs nor is predicted"),
                convention("specificity when every example is of the class", allYesTrue, s -> s.specificity(), 0,
                        "every example of the slice has the true class 'yes'"),
                convention("MCC with constant labels", allYesTrue, s -> s.mcc(), 0, "same true class 'yes'"),
                convention("MCC with constant predictions", allYesPredicted, s -> s.mcc(), 0,
                        "every example of the slice is predicted as 'yes'"),
                convention("kappa with one class only", model("yes>yes", "yes>yes"), s -> s.cohenKappa(), Double.NaN,
                        "all the same single class"),
                convention("macro precision with a class never predicted", threeClasses,
                        s -> s.precision().macro(), 5.0 / 12 * 2 / 3, "'c'"),
                convention("weighted precision with a class never predicted", threeClasses,
                        s -> s.precision().weighted(), 4.0 / 15, "'c'"),
                convention("macro recall with a class never true", model("a>a", "b>c", "b>b"),
                        s -> s.recall().macro(), 0.5, "'c'"),
                convention("macro specificity with one true class", allYesTrue, s -> s.specificity().macro(), 0.25,
                        "'yes'"),
                convention("R² with a constant true value", regression(new double[] {2, 2, 2}, new double[] {1, 2, 3}),
                        s -> s.r2(), 0, "the same on every example"),
                convention("MAPE with a true value of 0", regression(new double[] {0, 1, 2}, new double[] {0.1, 1, 2}),
                        s -> s.mape(), 0.1 / Math.ulp(1.0) / 3, "which is 0 on 1 example"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("conventions")
    void a_value_set_by_a_convention_is_undefined_and_never_decides(String name, Model model,
            Function<SliceAssert, AbstractMetricAssert<?>> metric, double conventionalValue, String reason) {
        // WHEN
        MetricValue value = metric.apply(assertThat(model).onSlice("part=s")).actual();
        // THEN the conventional value is kept for reference, flagged undefined with its reason
        assertThat(value.isDefined()).as("defined").isFalse();
        assertThat(value.undefinedReason()).get().asString().contains(reason);
        if (Double.isNaN(conventionalValue)) {
            assertThat(value.value()).isNaN();
        } else {
            assertThat(value.value()).isCloseTo(conventionalValue, within(1e-9 * Math.max(1, conventionalValue)));
        }
        // and no bound, however lax, turns it into PASSED or FAILED
        for (Function<AbstractMetricAssert<?>, AbstractMetricAssert<?>> statement : List.<Function<
                AbstractMetricAssert<?>, AbstractMetricAssert<?>>>of(m -> m.isAtLeast(-1e9), m -> m.isBelow(-1e9),
                m -> m.withConfidence(0.95).isAtLeast(-1e9))) {
            List<StatementResult> results = new ArrayList<>();
            QualityScope.standalone().collecting(results::add, r -> { })
                    .run(() -> statement.apply(metric.apply(assertThat(model).onSlice("part=s"))));
            assertThat(results.get(0).verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        }
    }

    @Test
    void micro_specificity_does_not_count_classes_absent_from_the_slice_as_true_negatives() {
        // GIVEN a 12-row slice with labels {ant, bee} and predictions {ant, cat, fox}, in data that
        // also has dog and eel elsewhere
        DatasetBuilder b = Dataset.builder("zoo").columns("label", "predicted", "part");
        String[] slice = {"ant>ant", "ant>ant", "ant>cat", "ant>cat", "ant>fox", "ant>fox", "bee>ant", "bee>ant",
            "bee>cat", "bee>fox", "bee>bee", "bee>bee"};
        for (String pair : slice) {
            String[] lp = pair.split(">");
            b.row(lp[0], lp[1], "slice");
        }
        b.row("dog", "dog", "other").row("eel", "eel", "other").row("dog", "eel", "other");
        Model zoo = Model.logged("zoo", b.build().withLabel("label").withPrediction("predicted"));
        // WHEN
        MetricValue micro = assertThat(zoo).onSlice("part=slice").specificity().micro().actual();
        // THEN pooled over the slice's classes {ant, bee, cat, fox}: tn 28, fp 8 → 0.7778
        // (sklearn: multilabel_confusion_matrix(y, p, labels=[ant, bee, cat, fox]) pooled)
        assertThat(micro.value()).isCloseTo(28.0 / 36, within(1e-12));
        assertThat(micro.isDefined()).isTrue();
        // its pooled trials are not independent: a bootstrap interval, not Wilson's
        assertThat(micro.interval().method()).startsWith("bootstrap");
    }
}
