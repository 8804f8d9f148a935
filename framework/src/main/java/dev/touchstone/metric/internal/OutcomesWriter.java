package dev.touchstone.metric.internal;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.baseline.RecordedOutcomes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Writes the per-example outcomes of an evaluation in the baseline's format. */
final class OutcomesWriter {

    private OutcomesWriter() {
    }

    static void write(Outcomes outcomes, Path file) throws IOException {
        int n = outcomes.size();
        List<RecordedOutcomes.Row> rows = new ArrayList<>(n);
        if (outcomes.hasClassification() || !outcomes.hasRegression()) {
            ClassOutcomes c = outcomes.classification();
            double[] scores = null;
            if (c.hasScores()) {
                try {
                    scores = c.scores();
                } catch (QualityConfigurationException e) {
                    scores = null; // unusable scores were never used by a metric; record none
                }
            }
            for (int row = 0; row < n; row++) {
                rows.add(new RecordedOutcomes.Row(outcomes.exampleId(row), c.classes[c.label[row]],
                        c.predicted == null ? "" : c.classes[c.predicted[row]], scores == null ? Double.NaN : scores[row], Double.NaN, Double.NaN));
            }
            RecordedOutcomes.writeClassification(file, rows);
        } else {
            RegressionOutcomes r = outcomes.regression();
            for (int row = 0; row < n; row++) {
                rows.add(new RecordedOutcomes.Row(outcomes.exampleId(row), null, null, Double.NaN, r.target[row],
                        r.estimate[row]));
            }
            RecordedOutcomes.writeRegression(file, rows);
        }
    }
}
