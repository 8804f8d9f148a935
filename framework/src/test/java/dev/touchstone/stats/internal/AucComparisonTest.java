package dev.touchstone.stats.internal;






import static dev.touchstone.stats.internal.ComparisonReference.alternative;
import static dev.touchstone.stats.internal.ComparisonReference.assertClose;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Reference: R pROC 1.18 {@code roc.test(method = "delong", paired = TRUE / FALSE)} with
 * {@code direction = "<"}, every alternative; for margin > 0 the shifted statistic from pROC's
 * own {@code d} and {@code sig}. Relative 1e-9.
 */
class AucComparisonTest {

    /** One dataset: labels and both models' scores, in file order. */
    record Data(boolean[] positive, double[] model, double[] reference) {
        AucEstimate estimate(boolean ofModel) {
            double[] scores = ofModel ? model : reference;
            List<Double> positives = new ArrayList<>();
            List<Double> negatives = new ArrayList<>();
            for (int i = 0; i < scores.length; i++) {
                (positive[i] ? positives : negatives).add(scores[i]);
            }
            return DeLong.estimate(positives.stream().mapToDouble(Double::doubleValue).toArray(),
                    negatives.stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    private static final Map<String, Data> DATASETS = new LinkedHashMap<>();

    static {
        Map<String, List<ReferenceCsv.Row>> rows = new LinkedHashMap<>();
        for (ReferenceCsv.Row row : ComparisonReference.read("auc_datasets.csv")) {
            rows.computeIfAbsent(row.text("dataset"), k -> new ArrayList<>()).add(row);
        }
        rows.forEach((name, list) -> {
            boolean[] positive = new boolean[list.size()];
            double[] model = new double[list.size()];
            double[] reference = new double[list.size()];
            for (int i = 0; i < list.size(); i++) {
                positive[i] = list.get(i).integer("label") == 1;
                model[i] = list.get(i).number("model");
                reference[i] = list.get(i).number("reference");
            }
            DATASETS.put(name, new Data(positive, model, reference));
        });
    }

    static Stream<ReferenceCsv.Row> pairedReference() {
        return ComparisonReference.stream("auc_paired.csv");
    }

    static Stream<ReferenceCsv.Row> unpairedReference() {
        return ComparisonReference.stream("auc_unpaired.csv");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("pairedReference")
    void pairedMatchesProc(ReferenceCsv.Row row) {
        Data data = DATASETS.get(row.text("dataset"));
        double[] model = data.model().clone();
        double[] reference = data.reference().clone();

        ComparisonTest test = AucComparison.paired(model, reference, data.positive(), row.number("margin"),
                alternative(row.text("alternative")), row.number("level"));

        assertThat(model).as("inputs are not modified").isEqualTo(data.model());
        assertThat(reference).isEqualTo(data.reference());
        assertThat(test.name()).isEqualTo("delong-paired");
        assertThat(test.paired()).isTrue();
        assertThat(test.isDefined()).isTrue();
        assertClose(test.difference(), row.number("auc_model") - row.number("auc_reference"), "difference " + row);
        assertClose(test.standardError(), row.number("se"), "se " + row);
        assertClose(test.statistic(), row.number("statistic"), "Z " + row);
        assertClose(test.pValue(), row.number("p"), "p " + row);
        assertThat(test.interval().method()).isEqualTo("delong");
        assertClose(test.interval().low(), row.number("low"), "low " + row);
        assertClose(test.interval().high(), row.number("high"), "high " + row);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("unpairedReference")
    void unpairedMatchesProc(ReferenceCsv.Row row) {
        AucEstimate model = DATASETS.get(row.text("model_dataset")).estimate(true);
        AucEstimate reference = DATASETS.get(row.text("reference_dataset")).estimate(false);

        ComparisonTest test = AucComparison.unpaired(model, reference, row.number("margin"),
                alternative(row.text("alternative")), row.number("level"));

        assertThat(test.name()).isEqualTo("delong-unpaired");
        assertThat(test.paired()).isFalse();
        assertClose(test.difference(), row.number("difference"), "difference " + row);
        assertClose(test.standardError(), row.number("se"), "se " + row);
        assertClose(test.statistic(), row.number("statistic"), "D " + row);
        assertClose(test.pValue(), row.number("p"), "p " + row);
        assertThat(test.interval().method()).isEqualTo("delong-welch-t");
        assertClose(test.interval().low(), row.number("low"), "low " + row);
        assertClose(test.interval().high(), row.number("high"), "high " + row);
    }

    @Test
    void referenceCoversTheRequiredDatasets() {
        assertThat(DATASETS.keySet()).contains("ties", "heavy_ties", "unbalanced", "identical", "model_all_tied",
                "both_tied", "perfect_vs_tied", "two_each", "nearly_identical", "large");
        assertThat(ComparisonReference.read("auc_paired.csv")).extracting(r -> r.text("alternative"))
                .contains("less", "greater", "two.sided");
    }

    @ParameterizedTest
    @EnumSource(Alternative.class)
    void fewerThanTwoPerClassIsUndefined(Alternative alternative) {
        ComparisonTest onePositive = AucComparison.paired(new double[] {0.9, 0.1, 0.4}, new double[] {0.8, 0.2, 0.5},
                new boolean[] {true, false, false}, 0.0, alternative, 0.95);
        assertThat(onePositive.isDefined()).isFalse();
        assertThat(onePositive.difference()).isZero();
        assertThat(onePositive.pValue()).isEqualTo(1.0);
        assertThat(onePositive.interval().isDefined()).isFalse();

        ComparisonTest noNegative = AucComparison.paired(new double[] {0.9, 0.1}, new double[] {0.8, 0.2},
                new boolean[] {true, true}, 0.0, alternative, 0.95);
        assertThat(noNegative.isDefined()).isFalse();
        assertThat(noNegative.difference()).isNaN();
        assertThat(noNegative.pValue()).isEqualTo(1.0);

        ComparisonTest unpaired = AucComparison.unpaired(new AucEstimate(0.8, Double.NaN, 1, 10),
                new AucEstimate(0.7, 0.001, 50, 50), 0.0, alternative, 0.95);
        assertThat(unpaired.isDefined()).isFalse();
        assertThat(unpaired.pValue()).isEqualTo(1.0);
    }

    @Test
    void zeroVarianceOnBothSidesOfAnUnpairedTestUsesTheLimits() {
        ComparisonTest same = AucComparison.unpaired(new AucEstimate(1, 0, 3, 3), new AucEstimate(1, 0, 4, 4), 0.0,
                Alternative.TWO_SIDED, 0.95);
        assertThat(same.statistic()).isZero();
        assertThat(same.pValue()).isEqualTo(1.0);
        ComparisonTest better = AucComparison.unpaired(new AucEstimate(1, 0, 3, 3), new AucEstimate(0.5, 0, 4, 4), 0.0,
                Alternative.GREATER, 0.95);
        assertThat(better.statistic()).isPositive().isInfinite();
        assertThat(better.pValue()).isZero();
        assertThat(better.interval().width()).isZero();
    }

    @Test
    void argumentsAreValidated() {
        assertThatIllegalArgumentException().isThrownBy(() -> AucComparison.paired(new double[2], new double[3],
                new boolean[2], 0, Alternative.LESS, 0.95)).withMessageContaining("2 model scores, 3 reference scores");
        assertThatIllegalArgumentException().isThrownBy(() -> AucComparison.paired(new double[] {1, Double.NaN},
                new double[2], new boolean[] {true, false}, 0, Alternative.LESS, 0.95))
                .withMessageContaining("model score at index 1 is NaN");
        assertThatIllegalArgumentException().isThrownBy(() -> AucComparison.paired(new double[2], new double[2],
                new boolean[2], -0.1, Alternative.LESS, 0.95)).withMessageContaining("margin");
        assertThatIllegalArgumentException().isThrownBy(() -> AucComparison.unpaired(new AucEstimate(0.8, 0.01, 10, 10),
                new AucEstimate(0.8, 0.01, 10, 10), 0, Alternative.LESS, 1.5)).withMessageContaining("confidence level");
    }
}
