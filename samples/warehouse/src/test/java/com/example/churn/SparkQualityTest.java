package com.example.churn;

import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.model.Model;
import dev.touchstone.spark.SparkDatasets;
import org.apache.spark.sql.SparkSession;

/**
 * The churn specs on Spark: the lake's Parquet files read by a local Spark ({@code local[2]}
 * stands in for your cluster). The schema keeps {@code day} as text, as it is written in the
 * folder names; without it Spark would infer a date.
 */
@QualitySpec
class SparkQualityTest extends ChurnQualitySpec {

    static final SparkSession spark = SparkSession.builder().master("local[2]").appName("churn-quality")
            .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "4").getOrCreate();

    static final Model churn = churn(SparkDatasets.of(spark.read()
            .schema("customer_id STRING, region STRING, plan STRING, tenure_months INT, churned STRING, predicted STRING,"
                    + " score DOUBLE, day STRING")
            .parquet("src/test/resources/predictions"), "predictions"));

    @Override
    Model churn() {
        return churn;
    }
}
