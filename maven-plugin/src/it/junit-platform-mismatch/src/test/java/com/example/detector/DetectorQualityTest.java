package com.example.detector;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Path;

/** Two checks that pass on the bundled detections. */
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
    void recallOnEveryCamera() {
        assertThat(detector).onEachSliceOf("camera").recall().isAbove(0.85);
    }

    @QualityCheck
    void accuracyOverall() {
        assertThat(detector).overall().accuracy().withConfidence(0.95).isAtLeast(0.85);
    }
}
