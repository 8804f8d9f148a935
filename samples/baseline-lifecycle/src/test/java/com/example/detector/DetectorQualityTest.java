package com.example.detector;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.baseline.Baseline;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Path;

/**
 * A detector's logged predictions on 300 frames of three cameras, compared with the run recorded
 * in {@code src/test/touchstone/previous-run}. {@code -Ddetections=src/test/resources/detections-v2.csv}
 * evaluates the next release, which misses 7 more persons on the side camera. Baseline entries are
 * kept by model and dataset name: the next release keeps both names.
 */
@QualitySpec
class DetectorQualityTest {

    static final Dataset detections = Dataset.fromCsv(Path.of(System.getProperty("detections",
                    "src/test/resources/detections.csv")))
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
