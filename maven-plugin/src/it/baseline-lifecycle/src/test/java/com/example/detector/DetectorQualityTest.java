package com.example.detector;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.baseline.Baseline;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Path;

/**
 * The detector's logged predictions; -Ddetections=... evaluates another model's predictions on
 * the same frames (the next release). Baseline entries are kept by model and dataset name, so the
 * next release keeps both names.
 */
@QualitySpec
class DetectorQualityTest {

    static final Dataset detections = Dataset.fromCsv(Path.of(System.getProperty("detections", "src/test/resources/detections.csv")))
            .withName("detections")
            .withId("frame_id")
            .withLabel("label")
            .withPrediction("predicted")
            .withScore("score")
            .withPositiveClass("person");

    static final Model detector = Model.logged("detector", detections);

    @QualityCheck
    void recallOnEveryCamera() {
        assertThat(detector).onEachSliceOf("camera").recall().isAbove(0.7);
    }

    @QualityCheck
    void recallHoldsAgainstTheLastRun() {
        assertThat(detector).onEachSliceOf("camera").recall().isNotSignificantlyWorseThan(Baseline.previousRun());
    }
}
