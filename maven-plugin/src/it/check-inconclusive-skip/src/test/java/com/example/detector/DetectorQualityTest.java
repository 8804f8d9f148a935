package com.example.detector;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Path;

/** Recall on the side camera above 0.85 with 95% confidence: 50 examples cannot decide. */
@QualitySpec
class DetectorQualityTest {

    static final Dataset detections = Dataset.fromCsv(Path.of("src/test/resources/detections.csv"))
            .withId("frame_id")
            .withLabel("label")
            .withPrediction("predicted")
            .withScore("score")
            .withPositiveClass("person");

    static final Model detector = Model.logged("detector", detections);

    @QualityCheck
    void recallOnSideCamera() {
        assertThat(detector).onSlice("camera=side").recall().withConfidence(0.95).isAbove(0.85);
    }

    @QualityCheck
    void accuracyOverall() {
        assertThat(detector).overall().accuracy().withConfidence(0.95).isAtLeast(0.85);
    }
}
