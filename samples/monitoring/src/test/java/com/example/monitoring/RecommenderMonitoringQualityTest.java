package com.example.monitoring;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.time.Period;

/**
 * A recommender's click model in production, per user segment: 30 days of logged impressions
 * (timestamps in epoch milliseconds), judged on the last calendar week. From day 24 on, a campaign
 * brings new users with longer, mostly mobile sessions: their inputs drift from the training data.
 */
@QualitySpec
class RecommenderMonitoringQualityTest {

    static final Dataset impressions = Dataset.fromResource("recommendations.csv")
            .withLabel("clicked").withPrediction("predicted").withScore("score").withPositiveClass("1");

    /** What the model was trained on: the reference every segment's inputs are compared with. */
    static final Dataset training = Dataset.fromResource("recommendations-training.csv");

    static final Model recommender = Model.logged("click-model-v3", impressions);

    @QualityCheck
    void sessionLengthDoesNotDriftInAnySegment() {
        assertThat(impressions).onEachSliceOf("user_segment").onLastWindowOf("event_time_ms", Period.ofWeeks(1))
                .column("session_length").hasNoDriftFrom(training).byKolmogorovSmirnov();
    }

    @QualityCheck
    void inputsKeepTheirDistributionInAnySegment() {
        assertThat(impressions).onEachSliceOf("user_segment").onLastWindowOf("event_time_ms", Period.ofWeeks(1))
                .columns("session_length", "device").hasNoDriftFrom(training).byPopulationStabilityIndex();
    }

    @QualityCheck
    void rankingQualityHoldsInEverySegment() {
        assertThat(recommender).onEachSliceOf("user_segment").onLastWindowOf("event_time_ms", Period.ofWeeks(1))
                .rocAuc().withConfidence(0.95).isAtLeast(0.65);
    }
}
