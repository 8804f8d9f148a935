package com.example.detector;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.baseline.Baseline;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;

/** Reads its data from the classpath and compares with the baseline: nothing depends on the working directory. */
@QualitySpec
class DetectorQualityTest {

    static final Dataset detections = Dataset.fromResource("detections.csv")
            .withId("frame_id")
            .withLabel("label")
            .withPrediction("predicted")
            .withPositiveClass("person");

    static final Model detector = Model.logged("detector", detections);

    @QualityCheck
    void recallHoldsAgainstTheLastRun() {
        assertThat(detector).onEachSliceOf("camera").recall().isNotSignificantlyWorseThan(Baseline.previousRun());
    }
}
