package com.example.detector;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Path;

/** One check; -Dthreshold=0.99 makes it fail. */
@QualitySpec
class DetectorQualityTest {

    static final Dataset detections = Dataset.fromCsv(Path.of("src/test/resources/detections.csv"))
            .withId("frame_id")
            .withLabel("label")
            .withPrediction("predicted")
            .withPositiveClass("person");

    static final Model detector = Model.logged("detector", detections);

    @QualityCheck
    void recallOverall() {
        assertThat(detector).overall().recall().isAbove(Double.parseDouble(System.getProperty("threshold", "0.85")));
    }
}
