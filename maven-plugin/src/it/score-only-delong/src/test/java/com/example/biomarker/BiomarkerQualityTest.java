package com.example.biomarker;

import static dev.touchstone.Touchstone.assertThat;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;

/** Two biomarkers measured on the same patients: scores only, no predicted class. */
@QualitySpec
class BiomarkerQualityTest {

    static final Dataset patients = Dataset.fromResource("biomarkers.csv")
            .withId("patient")
            .withLabel("outcome")
            .withPositiveClass("poor");

    static final Model markerA = Model.logged("marker_a", patients.withScore("marker_a"));
    static final Model markerB = Model.logged("marker_b", patients.withScore("marker_b"));

    @QualityCheck
    void markerARanksPatients() {
        assertThat(markerA).overall().rocAuc().withConfidence(0.95).isAbove(0.7);
    }

    @QualityCheck
    void markerBRanksPatients() {
        assertThat(markerB).overall().rocAuc().withConfidence(0.95).isAbove(0.6);
    }

    @QualityCheck
    void markerAIsNotWorseThanMarkerB() {
        assertThat(markerA).overall().rocAuc().isNotSignificantlyWorseThan(markerB);
    }
}
