package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import java.util.EnumSet;
import java.util.Optional;

/** Cohen's kappa: agreement beyond chance, 1 − (1 − observed) / (1 − expected), as scikit-learn. */
final class CohenKappa extends ConfusionMetric {

    CohenKappa() {
        super("cohen_kappa", Range.CORRELATION, EnumSet.of(Kind.DEFAULT));
    }

    @Override
    public double value(Confusion cm, Kind kind, int target) {
        double n = cm.total();
        double observed = cm.trace() / n;
        double expected = 0;
        for (int c = 0; c < cm.classCount(); c++) {
            expected += (double) cm.support(c) * cm.predicted(c);
        }
        expected /= n * n;
        double disagreeExpected = 1 - expected;
        // scikit-learn divides 0 by 0 here: labels and predictions are one and the same class
        return disagreeExpected == 0 ? Double.NaN : 1 - (1 - observed) / disagreeExpected;
    }

    @Override
    public Optional<String> undefinedReason(Confusion cm, Kind kind, int target) {
        return Double.isNaN(value(cm, kind, target))
                ? Optional.of("labels and predictions are all the same single class")
                : Optional.empty();
    }
}
