package com.example.loans;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Path;

/**
 * Should the challenger fraud model replace the champion? Both scored the same 6,000
 * applications, so every comparison is paired: the same examples, judged by both models.
 */
@QualitySpec
class ChallengerVersusChampionQualityTest {

    static final Dataset applications = Dataset.fromCsv(Path.of("src/test/resources/applications.csv"))
            .withId("application_id")
            .withLabel("label")
            .withPositiveClass("fraud");

    static final Model champion = Model.logged("champion",
            applications.withPrediction("champion_pred").withScore("champion_score"));
    static final Model challenger = Model.logged("challenger",
            applications.withPrediction("challenger_pred").withScore("challenger_score"));

    /**
     * Regression stance: fail only for a real loss. McNemar's exact test on the frauds each model
     * caught and the other missed, per region, Holm-corrected over the five regions. South fails
     * (the challenger misses 85 frauds the champion caught, and catches 25 it missed); north, where
     * the challenger is 1.2 points lower, passes: that gap is within noise.
     */
    @QualityCheck
    void noRegionLosesRecall() {
        assertThat(challenger).onEachSliceOf("region").recall().isNotSignificantlyWorseThan(champion);
    }

    /**
     * Non-inferiority stance: pass only when the data shows the challenger is at most 2 points
     * worse. On the 60 applications of the islands the interval is too wide to show it: the
     * verdict is INCONCLUSIVE and says how many applications would decide.
     */
    @QualityCheck
    void challengerIsNonInferiorOnTheIslands() {
        assertThat(challenger).onSlice("region=islands").accuracy()
                .withConfidence(0.95).withTolerance(0.02).isNotWorseThan(champion);
    }

    /** Where no region is hurt, the challenger's accuracy is non-inferior with 95% confidence. */
    @QualityCheck
    void challengerIsNonInferiorInTheWest() {
        assertThat(challenger).onSlice("region=west").accuracy()
                .withConfidence(0.95).withTolerance(0.02).isNotWorseThan(champion);
    }
}
