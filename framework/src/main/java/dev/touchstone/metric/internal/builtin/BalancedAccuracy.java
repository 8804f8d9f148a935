package dev.touchstone.metric.internal.builtin;

import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import java.util.EnumSet;
import java.util.Optional;

/** The mean recall over the classes that occur in the labels (scikit-learn drops the others). */
final class BalancedAccuracy extends ConfusionMetric {

    BalancedAccuracy() {
        super("balanced_accuracy", Range.UNIT, EnumSet.of(Kind.DEFAULT));
    }

    @Override
    public double value(Confusion cm, Kind kind, int target) {
        double sum = 0;
        int present = 0;
        for (int c = 0; c < cm.classCount(); c++) {
            long support = cm.support(c);
            if (support > 0) {
                sum += (double) cm.cell(c, c) / support;
                present++;
            }
        }
        return present == 0 ? Double.NaN : sum / present;
    }

    @Override
    public Optional<String> undefinedReason(Confusion cm, Kind kind, int target) {
        return Optional.empty();
    }
}
