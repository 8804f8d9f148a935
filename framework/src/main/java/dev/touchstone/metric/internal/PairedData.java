package dev.touchstone.metric.internal;

import dev.touchstone.metric.MetricInput;

/**
 * A model and its reference on the same examples of one slice, position by position: labels
 * and both predictions as codes into one class list (extended with classes only the reference
 * predicts), positive-class scores, and regression values. What paired tests work on.
 */
final class PairedData {

    final int size;
    final String[] classes;
    final int positive;
    final int[] label;
    final int[] model;
    final int[] reference;
    final double[] modelScore;
    final double[] referenceScore;
    final double[] target;
    final double[] modelEstimate;
    final double[] referenceEstimate;

    PairedData(int size, String[] classes, int positive, int[] label, int[] model, int[] reference, double[] modelScore,
            double[] referenceScore, double[] target, double[] modelEstimate, double[] referenceEstimate) {
        this.size = size;
        this.classes = classes;
        this.positive = positive;
        this.label = label;
        this.model = model;
        this.reference = reference;
        this.modelScore = modelScore;
        this.referenceScore = referenceScore;
        this.target = target;
        this.modelEstimate = modelEstimate;
        this.referenceEstimate = referenceEstimate;
    }

    boolean isRegression() {
        return target != null;
    }

    /** One side (model or reference) over some positions, as a user-defined metric sees it. */
    MetricInput side(boolean ofModel, int[] positions) {
        return new MetricInput() {
            @Override
            public int size() {
                return positions.length;
            }

            @Override
            public String label(int i) {
                return classes[label[positions[i]]];
            }

            @Override
            public String predicted(int i) {
                return classes[(ofModel ? model : reference)[positions[i]]];
            }

            @Override
            public double score(int i) {
                double[] s = ofModel ? modelScore : referenceScore;
                if (s == null) {
                    throw new IllegalStateException("no scores");
                }
                return s[positions[i]];
            }

            @Override
            public double target(int i) {
                return target[positions[i]];
            }

            @Override
            public double estimate(int i) {
                return (ofModel ? modelEstimate : referenceEstimate)[positions[i]];
            }
        };
    }
}
