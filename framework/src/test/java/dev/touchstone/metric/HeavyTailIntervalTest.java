package dev.touchstone.metric;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.assertion.MetricAssert;
import dev.touchstone.assertion.SliceAssert;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.model.Model;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Large slices with a heavy tail: 25,000 rows where one near-zero target and one gross error make
 * most of the APE and squared-error sums. rows × resamples (2.5·10^8) is above the exact-row
 * limit, so the large-sample scheme runs; its interval must stay in the metric's range and agree
 * with a plain row bootstrap (drawn here, independently, 1,000 times) within Monte-Carlo noise.
 */
class HeavyTailIntervalTest {

    static final int N = 25_000;
    static final double[] TRUTH = new double[N];
    static final double[] PREDICTED = new double[N];

    static {
        SplittableRandom random = new SplittableRandom(2026);
        for (int i = 0; i < N; i++) {
            TRUTH[i] = 10 + 90 * random.nextDouble();
            PREDICTED[i] = TRUTH[i] + (random.nextDouble() - 0.5) * 2;
        }
        TRUTH[7] = 0.001;            // a near-zero target: APE 1,000
        PREDICTED[7] = 1.001;
        PREDICTED[11] = TRUTH[11] + 1000; // a gross error: squared error 10^6
    }

    static final Model MODEL = model();

    static Model model() {
        DatasetBuilder b = Dataset.builder("heavy").columns("y", "y_hat");
        for (int i = 0; i < N; i++) {
            b.row(TRUTH[i], PREDICTED[i]);
        }
        return Model.logged("heavy", b.build().withLabel("y").withPrediction("y_hat"));
    }

    static double mse(int[] rows) {
        double s = 0;
        for (int r : rows) {
            s += (PREDICTED[r] - TRUTH[r]) * (PREDICTED[r] - TRUTH[r]);
        }
        return s / rows.length;
    }

    static double mape(int[] rows) {
        double s = 0;
        for (int r : rows) {
            s += Math.abs(PREDICTED[r] - TRUTH[r]) / Math.max(Math.abs(TRUTH[r]), Math.ulp(1.0));
        }
        return s / rows.length;
    }

    static double r2(int[] rows) {
        double mean = 0;
        for (int r : rows) {
            mean += TRUTH[r];
        }
        mean /= rows.length;
        double sse = 0;
        double sst = 0;
        for (int r : rows) {
            sse += (PREDICTED[r] - TRUTH[r]) * (PREDICTED[r] - TRUTH[r]);
            sst += (TRUTH[r] - mean) * (TRUTH[r] - mean);
        }
        return 1 - sse / sst;
    }

    static Stream<Arguments> metrics() {
        return Stream.of(
                Arguments.of("mse", (Function<SliceAssert, MetricAssert>) SliceAssert::mse,
                        (Function<int[], Double>) HeavyTailIntervalTest::mse, 0.0, Double.POSITIVE_INFINITY),
                Arguments.of("rmse", (Function<SliceAssert, MetricAssert>) SliceAssert::rmse,
                        (Function<int[], Double>) rows -> Math.sqrt(mse(rows)), 0.0, Double.POSITIVE_INFINITY),
                Arguments.of("mape", (Function<SliceAssert, MetricAssert>) SliceAssert::mape,
                        (Function<int[], Double>) HeavyTailIntervalTest::mape, 0.0, Double.POSITIVE_INFINITY),
                Arguments.of("r2", (Function<SliceAssert, MetricAssert>) SliceAssert::r2,
                        (Function<int[], Double>) HeavyTailIntervalTest::r2, Double.NEGATIVE_INFINITY, 1.0));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("metrics")
    void the_interval_stays_in_range_and_agrees_with_a_row_bootstrap(String name,
            Function<SliceAssert, MetricAssert> metric, Function<int[], Double> statistic, double low, double high) {
        // WHEN
        MetricValue value = metric.apply(assertThat(MODEL).overall()).actual();
        // THEN the large-sample scheme drew the two dominating rows exactly
        assertThat(value.interval().method()).isEqualTo("bootstrap-percentile-exact-tail");
        assertThat(value.interval().low()).isGreaterThanOrEqualTo(low);
        assertThat(value.interval().high()).isLessThanOrEqualTo(high);
        // and agrees with 1,000 plain row resamples
        double[] reference = REFERENCE.get(name);
        double refLow = quantile(reference, 0.025);
        double refHigh = quantile(reference, 0.975);
        double width = refHigh - refLow;
        assertThat(value.interval().low()).as("low vs row bootstrap %s", refLow)
                .isBetween(refLow - 0.1 * width, refLow + 0.1 * width);
        assertThat(value.interval().high()).as("high vs row bootstrap %s", refHigh)
                .isBetween(refHigh - 0.1 * width, refHigh + 0.1 * width);
    }

    /** One plain row bootstrap (1,000 resamples), every metric computed on the same resamples. */
    static final java.util.Map<String, double[]> REFERENCE = rowBootstrap(1000);

    static java.util.Map<String, double[]> rowBootstrap(int resamples) {
        SplittableRandom random = new SplittableRandom(99);
        double[][] out = new double[4][resamples];
        int[] rows = new int[N];
        for (int b = 0; b < resamples; b++) {
            for (int i = 0; i < N; i++) {
                rows[i] = random.nextInt(N);
            }
            out[0][b] = mse(rows);
            out[1][b] = Math.sqrt(out[0][b]);
            out[2][b] = mape(rows);
            out[3][b] = r2(rows);
        }
        for (double[] o : out) {
            Arrays.sort(o);
        }
        return java.util.Map.of("mse", out[0], "rmse", out[1], "mape", out[2], "r2", out[3]);
    }

    static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        return sorted[lo] + (h - lo) * (sorted[Math.min(lo + 1, sorted.length - 1)] - sorted[lo]);
    }
}
