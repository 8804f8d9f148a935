package dev.touchstone.stats.internal;

import static dev.touchstone.stats.internal.DriftReferenceTest.close;
import static dev.touchstone.stats.internal.DriftReferenceTest.numbers;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.rng.UniformRandomProvider;
import org.junit.jupiter.api.Test;

/**
 * CBPE: the expected confusion matrix and metrics and the expected calibration error against
 * numpy ({@code reference/drift/cbpe.csv}), and the coverage of its interval, simulated: with
 * calibrated scores the metric the labels give lies in the 95% interval about 95% of the time.
 */
class CbpeTest {

    static boolean[] flags(String text) {
        String[] parts = text.trim().split(" ");
        boolean[] out = new boolean[parts.length];
        for (int i = 0; i < parts.length; i++) {
            out[i] = "1".equals(parts[i]);
        }
        return out;
    }

    @Test
    void the_expected_confusion_matrix_metrics_and_calibration_error_match_numpy() {
        for (Map<String, String> row : DriftReferenceTest.read("cbpe.csv")) {
            double[] scores = numbers(row.get("scores"));
            boolean[] predicted = flags(row.get("predicted"));
            boolean[] labels = flags(row.get("labels"));
            String what = row.get("case");
            for (Cbpe.Kind kind : Cbpe.Kind.values()) {
                Cbpe.Estimate e = Cbpe.estimate(scores, predicted, kind, 0.95, 200, 42, what);
                close(e.tp(), Double.parseDouble(row.get("expected_tp")), what + " TP");
                close(e.fp(), Double.parseDouble(row.get("expected_fp")), what + " FP");
                close(e.fn(), Double.parseDouble(row.get("expected_fn")), what + " FN");
                close(e.tn(), Double.parseDouble(row.get("expected_tn")), what + " TN");
                close(e.value(), Double.parseDouble(row.get(kind.name().toLowerCase(Locale.ROOT))), what + " " + kind);
            }
            Cbpe.Calibration c = Cbpe.calibration(scores, predicted, labels, Cbpe.Kind.ACCURACY, 0.95, 200, 42, what);
            close(c.expectedCalibrationError(), Double.parseDouble(row.get("ece")), what + " ECE");
            close(c.realized(), Double.parseDouble(row.get("realized_accuracy")), what + " realized");
        }
    }

    @Test
    void with_calibrated_scores_the_interval_covers_the_realized_metric() {
        int runs = Math.max(200, Integer.getInteger("touchstone.calibration.runs", 2000) / 5);
        UniformRandomProvider rng = Randomness.stream(42, "cbpe-coverage");
        int n = 500;
        double[] scores = new double[n];
        boolean[] predicted = new boolean[n];
        for (int i = 0; i < n; i++) {
            scores[i] = 0.05 + 0.9 * rng.nextDouble();
            predicted[i] = scores[i] >= 0.5;
        }
        StringBuilder report = new StringBuilder();
        for (Cbpe.Kind kind : Cbpe.Kind.values()) {
            Cbpe.Estimate e = Cbpe.estimate(scores, predicted, kind, 0.95, 2000, 7, kind.name());
            int covered = 0;
            for (int r = 0; r < runs; r++) {
                double tp = 0;
                double fp = 0;
                double fn = 0;
                double tn = 0;
                for (int i = 0; i < n; i++) {
                    boolean positive = rng.nextDouble() < scores[i];
                    if (predicted[i]) {
                        tp += positive ? 1 : 0;
                        fp += positive ? 0 : 1;
                    } else {
                        fn += positive ? 1 : 0;
                        tn += positive ? 0 : 1;
                    }
                }
                double realized = kind.of(tp, fp, fn, tn);
                covered += realized >= e.low() && realized <= e.high() ? 1 : 0;
            }
            double coverage = covered / (double) runs;
            report.append(String.format(Locale.ROOT, " %s %.4f", kind.name().toLowerCase(Locale.ROOT), coverage));
            assertThat(coverage).as(kind.name()).isBetween(0.95 - 3.3 * Math.sqrt(0.95 * 0.05 / runs) - 0.01, 1.0);
        }
        System.out.println("[calibration] CBPE 95% interval coverage on calibrated scores, " + runs + " runs:" + report);
    }

    @Test
    void the_normal_limit_of_the_counts_agrees_with_simulated_labels() {
        double[] scores = new double[50_000];
        boolean[] predicted = new boolean[scores.length];
        UniformRandomProvider rng = Randomness.stream(1, "big");
        for (int i = 0; i < scores.length; i++) {
            scores[i] = rng.nextDouble();
            predicted[i] = scores[i] >= 0.5;
        }
        Cbpe.Estimate rows = Cbpe.estimate(scores, predicted, Cbpe.Kind.F1, 0.95, 200, 1, "f1");
        Cbpe.Estimate normal = Cbpe.estimate(scores, predicted, Cbpe.Kind.F1, 0.95, 2000, 1, "f1");
        assertThat(rows.method()).isEqualTo("cbpe-simulated-labels");
        assertThat(normal.method()).isEqualTo("cbpe-normal-counts");
        assertThat(Math.abs(rows.high() - rows.low() - (normal.high() - normal.low())))
                .isLessThan(0.25 * (normal.high() - normal.low()));
        assertThat(Arrays.asList(rows.value(), normal.value())).allSatisfy(v -> assertThat(v).isEqualTo(rows.value()));
    }
}
