package dev.touchstone.metric.internal;

import dev.touchstone.QualityConfigurationException;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.Table;
import dev.touchstone.model.Model;
import dev.touchstone.model.Predictions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A model evaluated on a dataset: the columnar outcomes every metric is computed from, plus a
 * memo of per-slice work (row sets, confusion matrices, bootstrap replicates). Built once per
 * model × dataset and kept on the model, so many statements share one evaluation.
 */
public final class Outcomes {

    private final Model model;
    private final Dataset dataset;
    private final Table table;
    private final Predictions predictions;
    private volatile ClassOutcomes classification;
    private volatile RegressionOutcomes regression;
    private final Map<Object, Object> memo = new ConcurrentHashMap<>();

    private Outcomes(Model model, Dataset dataset) {
        this.model = model;
        this.dataset = dataset;
        this.table = dataset.table();
        if (table.rowCount() == 0) {
            throw new QualityConfigurationException("dataset '" + dataset.name() + "' (" + dataset.source()
                    + ") has no rows: there is nothing to evaluate model '" + model.name() + "' on");
        }
        this.predictions = model.predict(dataset);
    }

    /** The evaluation of {@code model} on {@code dataset}, computed once per model, data and roles. */
    public static Outcomes of(Model model, Dataset dataset) {
        Key key = new Key(dataset.tableIdentity(), dataset.labelColumn().orElse(null),
                dataset.predictionColumn().orElse(null), dataset.scoreColumn().orElse(null),
                dataset.positiveClass().orElse(null));
        return model.memo(key, k -> new Outcomes(model, dataset));
    }

    private record Key(Object table, String label, String prediction, String score, String positive) {
    }

    public Model model() {
        return model;
    }

    public Dataset dataset() {
        return dataset;
    }

    public Table table() {
        return table;
    }

    public int size() {
        return table.rowCount();
    }

    public ClassOutcomes classification() {
        ClassOutcomes c = classification;
        if (c == null) {
            synchronized (this) {
                c = classification;
                if (c == null) {
                    c = ClassOutcomes.build(model, dataset, table, predictions);
                    classification = c;
                }
            }
        }
        return c;
    }

    public RegressionOutcomes regression() {
        RegressionOutcomes r = regression;
        if (r == null) {
            synchronized (this) {
                r = regression;
                if (r == null) {
                    r = RegressionOutcomes.build(model, dataset, table, predictions);
                    regression = r;
                }
            }
        }
        return r;
    }

    @SuppressWarnings("unchecked")
    <T> T memo(Object key, Function<Object, T> compute) {
        Object value = memo.get(key);
        if (value == null) {
            // computeIfAbsent would block other keys' computations; a rare duplicate is cheaper.
            value = compute.apply(key);
            Object raced = memo.putIfAbsent(key, value);
            if (raced != null) {
                value = raced;
            }
        }
        return (T) value;
    }
}
