package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The catalogue of built-in metrics: the DSL names them here, results files are read back by name. */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class BuiltInMetrics {

    public static final ConfusionMetric ACCURACY = new Accuracy();
    public static final ConfusionMetric PRECISION = new Precision();
    public static final ConfusionMetric RECALL = new Recall();
    public static final ConfusionMetric F1 = FScore.f1();
    public static final ConfusionMetric SPECIFICITY = new Specificity();
    public static final ConfusionMetric BALANCED_ACCURACY = new BalancedAccuracy();
    public static final ConfusionMetric MCC = new Mcc();
    public static final ConfusionMetric COHEN_KAPPA = new CohenKappa();
    public static final RankingMetric ROC_AUC = new RocAuc();
    public static final RankingMetric AVERAGE_PRECISION = new AveragePrecision();
    public static final SumsMetric LOG_LOSS = new MeanLoss("log_loss", Input.SCORES, MeanLoss::logLoss, null, true);
    /** The mean squared error of probabilities against 0/1 truths: in [0, 1]. */
    public static final SumsMetric BRIER_SCORE = new MeanLoss("brier_score", Input.SCORES, MeanLoss::squared, null, true,
            Range.UNIT);
    public static final SumsMetric MAE = MeanLoss.mean("mae", Input.REGRESSION, MeanLoss::absolute);
    public static final SumsMetric MSE = MeanLoss.mean("mse", Input.REGRESSION, MeanLoss::squared);
    public static final SumsMetric RMSE = new MeanLoss("rmse", Input.REGRESSION, MeanLoss::squared, Math::sqrt, false);
    public static final SumsMetric R2 = new RSquared();
    public static final SumsMetric MAPE = MeanLoss.mean("mape", Input.REGRESSION, MeanLoss::absolutePercentage);
    public static final CountMetric SIZE = new CountMetric();
    public static final EndpointMetric ERROR_RATE = new ErrorRate();
    public static final EndpointMetric LATENCY_P50 = new LatencyQuantile(50);
    public static final EndpointMetric LATENCY_P95 = new LatencyQuantile(95);
    public static final EndpointMetric LATENCY_P99 = new LatencyQuantile(99);
    public static final EndpointMetric THROUGHPUT = new Throughput();

    /** Every built-in metric, with F-beta's prototype (its beta is part of each statement). */
    public static final List<BuiltInMetric> ALL = List.of(ACCURACY, PRECISION, RECALL, F1, FScore.beta(1.0), SPECIFICITY,
            BALANCED_ACCURACY, MCC, COHEN_KAPPA, ROC_AUC, AVERAGE_PRECISION, LOG_LOSS, BRIER_SCORE, MAE, MSE, RMSE, R2,
            MAPE, SIZE, ERROR_RATE, LATENCY_P50, LATENCY_P95, LATENCY_P99, THROUGHPUT);

    private BuiltInMetrics() {
    }

    /** F-beta: recall weighted {@code beta} times as much as precision. */
    public static ConfusionMetric fBeta(double beta) {
        return FScore.beta(beta);
    }

    /**
     * The built-in metric of a result name as results files write it ({@code recall},
     * {@code f1(macro)}, {@code fbeta(2.0)}, {@code recall(class=3)}); empty for user metrics.
     */
    public static Optional<BuiltInMetric> forResultName(String name) {
        int paren = name.indexOf('(');
        String base = (paren < 0 ? name : name.substring(0, paren)).trim().toLowerCase(Locale.ROOT);
        return ALL.stream().filter(m -> m.id().equals(base)).findFirst();
    }
}
