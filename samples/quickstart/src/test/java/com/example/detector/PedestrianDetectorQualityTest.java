package com.example.detector;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Path;

/**
 * Quality specs of pedestrian detector v7 on 4,000 logged frames. Each statement is judged with
 * evidence: a point estimate, or a confidence interval when it says {@code withConfidence}.
 */
@QualitySpec
class PedestrianDetectorQualityTest {

    static final Dataset detections = Dataset.fromCsv(Path.of("src/test/resources/detections.csv"))
            .withId("frame_id")
            .withLabel("label")
            .withPrediction("predicted")
            .withScore("score")
            .withPositiveClass("person")
            .withSlice("night", where("hour").isLessThan(6).or(where("hour").isAtLeast(20)))
            .withSlice("bad weather", where("weather").isIn("rain", "fog"));

    static final Model detector = Model.logged("detector-v7", detections);

    @QualityCheck
    void recallAtNight() {
        assertThat(detector).onSlice("night").recall().isAbove(0.85);
    }

    @QualityCheck
    void recallAtNightWithEvidence() {
        assertThat(detector).onSlice("night").recall().withConfidence(0.95).isAbove(0.8);
    }

    @QualityCheck
    void accuracyHoldsOnEveryCamera() {
        assertThat(detector).onEachSliceOf("camera").accuracy().withConfidence(0.95).isAtLeast(0.85);
    }

    @QualityCheck
    void rankingQualityInBadWeather() {
        assertThat(detector).onSlice("bad weather").rocAuc().withConfidence(0.95).isAbove(0.9);
    }

    @QualityCheck
    void f1OnEveryWeather() {
        assertThat(detector).onEachSliceOf("weather").f1().withConfidence(0.95).isAtLeast(0.75);
    }

    @QualityCheck
    void probabilitiesAreCalibratedEnough() {
        assertThat(detector).overall().brierScore().withConfidence(0.95).isBelow(0.1);
    }

    @QualityCheck
    void everyCameraHasEnoughFrames() {
        assertThat(detector).onEachSliceOf("camera").size().isAtLeast(400);
    }
}
