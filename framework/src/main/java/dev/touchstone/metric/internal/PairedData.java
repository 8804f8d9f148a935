package dev.touchstone.metric.internal;

import dev.touchstone.metric.MetricInput;

/**
 * A model and its reference on the same examples of one slice, position by position: labels
 * and both predictions as codes into one class list (extended with classes only the reference
 * predicts), positive-class scores, per-class scores for one-vs-rest metrics, and regression
 * values. What paired tests work on.
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
    /** For one-vs-rest metrics: each example's class as a code into the scored classes, and both sides' scores. */
    final int[] scoredLabel;
    final double[][] modelClassScores;
    final double[][] referenceClassScores;
    final java.util.List<String> scoredClasses;
    /** Whether the scores are each side's probability of the example's true class (multi-class log loss). */
    final boolean trueClass;

    private PairedData(int size, String[] classes, int positive, int[] label, int[] model, int[] reference,
            double[] modelScore, double[] referenceScore, double[] target, double[] modelEstimate,
            double[] referenceEstimate, int[] scoredLabel, double[][] modelClassScores, double[][] referenceClassScores,
            java.util.List<String> scoredClasses, boolean trueClass) {
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
        this.scoredLabel = scoredLabel;
        this.modelClassScores = modelClassScores;
        this.referenceClassScores = referenceClassScores;
        this.scoredClasses = scoredClasses;
        this.trueClass = trueClass;
    }

    static PairedData classification(String[] classes, int positive, int[] label, int[] model, int[] reference,
            double[] modelScore, double[] referenceScore) {
        return new PairedData(label.length, classes, positive, label, model, reference, modelScore, referenceScore, null,
                null, null, null, null, null, null, false);
    }

    static PairedData trueClassProbabilities(String[] classes, int[] label, int[] model, int[] reference,
            double[] modelProbability, double[] referenceProbability) {
        return new PairedData(label.length, classes, -1, label, model, reference, modelProbability, referenceProbability,
                null, null, null, null, null, null, null, true);
    }

    static PairedData regression(double[] target, double[] modelEstimate, double[] referenceEstimate) {
        return new PairedData(target.length, new String[0], -1, null, null, null, null, null, target, modelEstimate,
                referenceEstimate, null, null, null, null, false);
    }

    static PairedData classScores(java.util.List<String> scoredClasses, int[] scoredLabel, double[][] model,
            double[][] reference) {
        return new PairedData(scoredLabel.length, new String[0], -1, null, null, null, null, null, null, null, null,
                scoredLabel, model, reference, scoredClasses, false);
    }

    boolean isRegression() {
        return target != null;
    }

    /** Whether each example is of the positive class. */
    boolean[] positives() {
        boolean[] positive = new boolean[size];
        for (int i = 0; i < size; i++) {
            positive[i] = label[i] == this.positive;
        }
        return positive;
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
