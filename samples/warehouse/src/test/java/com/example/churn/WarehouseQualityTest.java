package com.example.churn;

import dev.touchstone.annotation.QualitySpec;
import dev.touchstone.config.Secret;
import dev.touchstone.data.Database;
import dev.touchstone.data.Dataset;
import dev.touchstone.model.Model;

/** The churn specs on the warehouse: a query on PostgreSQL, with the password from a {@link Secret}. */
@QualitySpec
class WarehouseQualityTest extends ChurnQualitySpec {

    static final Database warehouse = Database.at(LocalWarehouse.url())
            .withUser(LocalWarehouse.USER)
            .withPassword(Secret.systemProperty(LocalWarehouse.PASSWORD_PROPERTY));

    static final Model churn = churn(Dataset.fromQuery(warehouse,
            "select customer_id, day, region, plan, tenure_months, churned, predicted, score from predictions"));

    @Override
    Model churn() {
        return churn;
    }
}
