package com.example.churn;

import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;
import java.nio.file.Path;

/** The churn specs on the lake: Parquet files partitioned by day ({@code day=2026-12-01/...}). */
@QualitySpec
class LakeQualityTest extends ChurnQualitySpec {

    static final Model churn = churn(Dataset.fromParquet(Path.of("src/test/resources/predictions")));

    @Override
    Model churn() {
        return churn;
    }
}
