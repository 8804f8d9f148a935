package com.example.churn;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.Touchstone.where;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;

/**
 * Quality specs of churn model v4 on its logged predictions, wherever they live: the lake's
 * Parquet files ({@link LakeQualityTest}), the warehouse's PostgreSQL table
 * ({@link WarehouseQualityTest}) and Spark ({@link SparkQualityTest}) run these same checks.
 * Confusion-matrix metrics and ROC AUC are aggregated in the engine that holds the rows (DuckDB
 * for Parquet, PostgreSQL for the query, Spark for its Dataset); all give the same numbers, which
 * {@code SameNumbersIT} checks in results.json.
 */
abstract class ChurnQualitySpec {

    /** The roles and slices, the same for every source. Same names too: bootstrap streams are named after them. */
    static Model churn(Dataset rows) {
        return Model.logged("churn-v4", rows.withName("predictions")
                .withId("customer_id")
                .withLabel("churned")
                .withPrediction("predicted")
                .withScore("score")
                .withPositiveClass("yes")
                .withSlice("new customers", where("tenure_months").isLessThan(6))
                .withSlice("paying more", where("plan").isIn("plus", "pro")));
    }

    abstract Model churn();

    @QualityCheck
    void recallOnNewCustomers() {
        assertThat(churn()).onSlice("new customers").recall().withConfidence(0.95).isAbove(0.6);
    }

    @QualityCheck
    void accuracyHoldsInEveryRegion() {
        assertThat(churn()).onEachSliceOf("region").accuracy().withConfidence(0.95).isAtLeast(0.7);
    }

    @QualityCheck
    void rankingQualityOnPayingCustomers() {
        assertThat(churn()).onSlice("paying more").rocAuc().withConfidence(0.95).isAbove(0.85);
    }

    @QualityCheck
    void f1OnEveryPlan() {
        assertThat(churn()).onEachSliceOf("plan").f1().withConfidence(0.95).isAtLeast(0.55);
    }

    @QualityCheck
    void everyDayHasEnoughCustomers() {
        assertThat(churn()).onEachSliceOf("day").size().isAtLeast(1000);
    }
}
