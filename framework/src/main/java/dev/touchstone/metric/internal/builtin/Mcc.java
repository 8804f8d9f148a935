package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import java.util.EnumSet;
import java.util.Optional;

/** Matthews' correlation coefficient; on multi-class data Gorodkin's R_K, as sklearn.metrics.matthews_corrcoef. */
final class Mcc extends ConfusionMetric {

    Mcc() {
        super("mcc", Range.CORRELATION, EnumSet.of(Kind.DEFAULT));
    }

    @Override
    public double value(Confusion cm, Kind kind, int target) {
        double n = cm.total();
        double tDotP = 0;
        double pDotP = 0;
        double tDotT = 0;
        for (int c = 0; c < cm.classCount(); c++) {
            double t = cm.support(c);
            double p = cm.predicted(c);
            tDotP += t * p;
            pDotP += p * p;
            tDotT += t * t;
        }
        double covTp = cm.trace() * n - tDotP;
        double covPp = n * n - pDotP;
        double covTt = n * n - tDotT;
        if (covPp * covTt == 0) {
            return 0; // scikit-learn's convention for 0/0
        }
        return covTp / Math.sqrt(covTt * covPp);
    }

    /** MCC is 0/0 when the labels or the predictions are constant; scikit-learn then returns 0. */
    @Override
    public Optional<String> undefinedReason(Confusion cm, Kind kind, int target) {
        for (int c = 0; c < cm.classCount(); c++) {
            if (cm.support(c) == cm.total()) {
                return Optional.of("every example of the slice has the same true class " + quoted(cm, c)
                        + ": MCC is 0/0");
            }
            if (cm.predicted(c) == cm.total()) {
                return Optional.of("every example of the slice is predicted as " + quoted(cm, c) + ": MCC is 0/0");
            }
        }
        return Optional.empty();
    }
}
