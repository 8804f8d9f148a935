package com.example.monitoring;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.previousWindows;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.time.Duration;

/**
 * A sentiment classifier of support messages in production, per language: 30 days of logged
 * predictions (ISO-8601 timestamps), judged on the last 5 days against the 5-day windows before.
 * German messages about a new product are misread from day 26 on.
 */
@QualitySpec
class SentimentMonitoringQualityTest {

    static final Dataset messages = Dataset.fromResource("sentiment.csv")
            .withLabel("label").withPrediction("predicted").withScore("score").withPositiveClass("positive");

    /** Labelled validation data: where the scores' calibration is checked before estimating without labels. */
    static final Dataset validation = Dataset.fromResource("sentiment-validation.csv")
            .withLabel("label").withPrediction("predicted").withScore("score").withPositiveClass("positive");

    static final Model classifier = Model.logged("sentiment-v12", messages);

    /** The statistical family: the last 5 days against the five 5-day windows before, per language. */
    @QualityCheck
    void accuracyIsNotAnomalousInAnyLanguage() {
        assertThat(classifier).onEachSliceOf("language").onLastWindowOf("timestamp", Duration.ofDays(5))
                .accuracy().isNotAnomalousComparedTo(previousWindows(5));
    }

    /** The fixed-threshold family: the last 5 days must be good enough, with 95% confidence. */
    @QualityCheck
    void accuracyStaysAboveTheFloorInEveryLanguage() {
        assertThat(classifier).onEachSliceOf("language").onLastWindowOf("timestamp", Duration.ofDays(5))
                .accuracy().withConfidence(0.95).isAtLeast(0.8);
    }

    /** Before the labels arrive: accuracy estimated from the calibrated scores (CBPE). */
    @QualityCheck
    void estimatedAccuracyStaysAboveTheFloorInEveryLanguage() {
        assertThat(classifier).onEachSliceOf("language").onLastWindowOf("timestamp", Duration.ofDays(5))
                .estimatedAccuracy(validation).withConfidence(0.95).isAtLeast(0.8);
    }
}
