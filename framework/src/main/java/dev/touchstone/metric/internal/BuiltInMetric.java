package dev.touchstone.metric.internal;

/** The metrics Touchstone computes from sufficient statistics, with their result names. */
public enum BuiltInMetric {
    ACCURACY("accuracy", Family.CONFUSION, true, false),
    PRECISION("precision", Family.CONFUSION, true, true),
    RECALL("recall", Family.CONFUSION, true, true),
    F1("f1", Family.CONFUSION, true, true),
    FBETA("fbeta", Family.CONFUSION, true, true),
    SPECIFICITY("specificity", Family.CONFUSION, true, true),
    BALANCED_ACCURACY("balanced_accuracy", Family.CONFUSION, true, false),
    MCC("mcc", Family.CONFUSION, true, false),
    COHEN_KAPPA("cohen_kappa", Family.CONFUSION, true, false),
    ROC_AUC("roc_auc", Family.SCORE, true, false),
    AVERAGE_PRECISION("average_precision", Family.SCORE, true, false),
    LOG_LOSS("log_loss", Family.SCORE, false, false),
    BRIER_SCORE("brier_score", Family.SCORE, false, false),
    MAE("mae", Family.REGRESSION, false, false),
    MSE("mse", Family.REGRESSION, false, false),
    RMSE("rmse", Family.REGRESSION, false, false),
    R2("r2", Family.REGRESSION, true, false),
    MAPE("mape", Family.REGRESSION, false, false),
    SIZE("size", Family.SIZE, true, false),
    ERROR_RATE("error_rate", Family.OPERATIONAL, false, false),
    LATENCY_P50("latency_p50_ms", Family.OPERATIONAL, false, false),
    LATENCY_P95("latency_p95_ms", Family.OPERATIONAL, false, false),
    LATENCY_P99("latency_p99_ms", Family.OPERATIONAL, false, false),
    THROUGHPUT("throughput", Family.OPERATIONAL, true, false);

    public enum Family { CONFUSION, SCORE, REGRESSION, SIZE, OPERATIONAL }

    private final String id;
    private final Family family;
    private final boolean higherIsBetter;
    private final boolean perClass;

    BuiltInMetric(String id, Family family, boolean higherIsBetter, boolean perClass) {
        this.id = id;
        this.family = family;
        this.higherIsBetter = higherIsBetter;
        this.perClass = perClass;
    }

    public String id() {
        return id;
    }

    public Family family() {
        return family;
    }

    public boolean higherIsBetter() {
        return higherIsBetter;
    }

    /** Whether the metric is defined per class and so needs a class or an averaging choice on multi-class data. */
    public boolean perClass() {
        return perClass;
    }
}
