package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import dev.touchstone.model.internal.ModelAccess;
import dev.touchstone.data.internal.DatasetAccess;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.Model;
import dev.touchstone.model.internal.Predictions;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A model evaluated on a dataset: the columnar outcomes every metric is computed from, plus a
 * memo of per-slice work (row sets, confusion matrices, bootstrap replicates). The expensive
 * part ({@link Core}) is built once per model, table and column roles and kept on the model, so
 * many statements share it; each statement sees it through its own dataset copy, whose name and
 * named slices may differ.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class Outcomes {

    private final Core core;
    private final Dataset dataset;

    private Outcomes(Core core, Dataset dataset) {
        this.core = core;
        this.dataset = dataset;
    }

    /**
     * The evaluation of {@code model} on {@code dataset}, computed once per model, data and roles;
     * {@code settings} reach the model when it predicts (an endpoint's response cache).
     */
    public static Outcomes of(Model model, Dataset dataset, TouchstoneSettings settings) {
        Key key = new Key(DatasetAccess.tableIdentity(dataset), dataset.labelColumn().orElse(null),
                dataset.predictionColumn().orElse(null), dataset.scoreColumn().orElse(null),
                dataset.positiveClass().orElse(null));
        Outcomes outcomes = new Outcomes(ModelAccess.memo(model, key, k -> new Core(model, dataset, settings)), dataset);
        dataset.idColumn().ifPresent(id -> outcomes.memo(new UniqueIds(id), k -> {
            if (outcomes.core.engine == null || !outcomes.core.engine.idsLookUnique(id)) {
                ExampleIds.requireUnique(outcomes.core.table(), id);
            }
            return Boolean.TRUE;
        }));
        return outcomes;
    }

    private record UniqueIds(String column) {
    }

    private record Key(Object table, String label, String prediction, String score, String positive) {
    }

    /** What is shared by every copy of the dataset with the same table and roles. */
    private static final class Core {
        private final Model model;
        private final Dataset dataset;
        private volatile Table table;
        // the engine that holds the rows, when a logged model's metrics can be aggregated there
        private final EngineOutcomes engine;
        private final int engineRows;
        private final TouchstoneSettings settings;
        // Read on first use: operational metrics (latency, error rate) need none, and must work
        // when some examples failed at the endpoint.
        private volatile Predictions predictions;
        private volatile ClassOutcomes classification;
        private volatile RegressionOutcomes regression;
        private final Map<Object, Object> memo = new ConcurrentHashMap<>();

        Core(Model model, Dataset dataset, TouchstoneSettings settings) {
            this.model = model;
            this.dataset = dataset;
            this.settings = settings;
            this.engine = EngineOutcomes.of(model, dataset).orElse(null);
            long rows;
            if (engine != null) {
                rows = engine.count(null);
                if (rows > Integer.MAX_VALUE - 8) {
                    throw new QualityConfigurationException(String.format(java.util.Locale.ROOT,
                            "dataset '%s' (%s) has %,d rows; at most %,d can be evaluated", dataset.name(),
                            dataset.source(), rows, Integer.MAX_VALUE - 8));
                }
            } else {
                this.table = dataset.table();
                rows = table.rowCount();
            }
            this.engineRows = (int) rows;
            if (rows == 0) {
                throw new QualityConfigurationException("dataset '" + dataset.name() + "' (" + dataset.source()
                        + ") has no rows: there is nothing to evaluate model '" + model.name() + "' on");
            }
        }

        /** The rows in memory: read on first use when the data is in an engine. */
        Table table() {
            Table t = table;
            if (t == null) {
                synchronized (this) {
                    t = table;
                    if (t == null) {
                        t = dataset.table();
                        table = t;
                    }
                }
            }
            return t;
        }

        Predictions predictions() {
            Predictions p = predictions;
            if (p == null) {
                synchronized (this) {
                    p = predictions;
                    if (p == null) {
                        p = ModelAccess.predict(model, dataset, settings);
                        predictions = p;
                    }
                }
            }
            return p;
        }
    }

    public Model model() {
        return core.model;
    }

    /** The dataset copy of the statement: its name and named slices. */
    public Dataset dataset() {
        return dataset;
    }

    /** The rows in memory; for data in an engine, reading this reads the columns it is asked for. */
    public Table table() {
        return core.table();
    }

    public int size() {
        return core.engine != null ? core.engineRows : core.table().rowCount();
    }

    /** The engine that aggregates this evaluation's statistics where the data is, if any. */
    java.util.Optional<EngineOutcomes> engine() {
        return java.util.Optional.ofNullable(core.engine);
    }

    public ClassOutcomes classification() {
        ClassOutcomes c = core.classification;
        if (c == null) {
            synchronized (core) {
                c = core.classification;
                if (c == null) {
                    c = ClassOutcomes.build(core.model, core.dataset, core.table(), core.predictions());
                    core.classification = c;
                }
            }
        }
        return c;
    }

    public RegressionOutcomes regression() {
        RegressionOutcomes r = core.regression;
        if (r == null) {
            synchronized (core) {
                r = core.regression;
                if (r == null) {
                    r = RegressionOutcomes.build(core.model, core.dataset, core.table(), core.predictions());
                    core.regression = r;
                }
            }
        }
        return r;
    }

    /** The example's id: the id column's text, or {@code row:N} (1-based) when the data has none. */
    public String exampleId(int row) {
        String idColumn = dataset.idColumn().orElse(null);
        if (idColumn == null) {
            return "row:" + (row + 1);
        }
        String id = core.table().column(idColumn).text(row);
        if (id == null) {
            throw new QualityConfigurationException(core.table().locate(row, idColumn) + ": the example id is missing");
        }
        return id;
    }

    /**
     * A fingerprint of the examples: SHA-256 over the row count, ids and labels in row order, or,
     * for a database's rows with ids (whose order may change between runs), over the multiset of
     * (id, label) pairs ({@link UnorderedDigest}). Equal fingerprints mean the same examples with
     * the same ground truth, and pairing them by id or row number pairs the same examples.
     */
    public String fingerprint() {
        return memo(new FingerprintKey(dataset.idColumn().orElse(null)), k -> {
            if (core.engine != null) {
                java.util.Optional<String> streamed = core.engine.fingerprint(dataset.idColumn().orElse(null));
                if (streamed.isPresent()) {
                    return streamed.get();
                }
            }
            dev.touchstone.data.table.Column label = dataset.labelColumn().map(core.table()::column).orElse(null);
            if (dataset.idColumn().isPresent()
                    && DatasetAccess.engine(dataset).map(e -> !e.stableOrder()).orElse(false)) {
                // rows of a database come in any order: the same digest as the engine's, whatever the order
                UnorderedDigest unordered = new UnorderedDigest();
                for (int row = 0; row < size(); row++) {
                    unordered.add(exampleId(row), label == null ? null : label.text(row));
                }
                return unordered.finish();
            }
            try {
                java.security.MessageDigest digest = java.security.MessageDigest.getInstance("SHA-256");
                digest.update(Integer.toString(size()).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (int row = 0; row < size(); row++) {
                    digest.update((byte) '\n');
                    digest.update(exampleId(row).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                    digest.update((byte) ',');
                    String text = label == null ? null : label.text(row);
                    digest.update(String.valueOf(text).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
                return "sha256:" + java.util.HexFormat.of().formatHex(digest.digest());
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        });
    }

    private record FingerprintKey(String idColumn) {
    }

    /**
     * This evaluation as a source of baseline records: names, fingerprint, per-example outcomes.
     * One instance per evaluation and dataset copy, so the run writes its outcomes once.
     */
    public dev.touchstone.baseline.EvaluationSource asSource() {
        return memo(new SourceKey(dataset.name(), dataset.idColumn().orElse(null)), k -> new Source(this));
    }

    private record SourceKey(String dataset, String idColumn) {
    }

    private static final class Source implements dev.touchstone.baseline.EvaluationSource {
        private final Outcomes outcomes;

        Source(Outcomes outcomes) {
            this.outcomes = outcomes;
        }

        @Override
        public String model() {
            return outcomes.core.model.name();
        }

        @Override
        public String dataset() {
            return outcomes.dataset.name();
        }

        @Override
        public int size() {
            return outcomes.size();
        }

        @Override
        public String fingerprint() {
            return outcomes.fingerprint();
        }

        @Override
        public void writeOutcomes(java.nio.file.Path file) throws java.io.IOException {
            OutcomesWriter.write(outcomes, file);
        }
    }

    /** Whether the classification (or regression) view was built, i.e. what metrics were asked. */
    public boolean hasClassification() {
        return core.classification != null;
    }

    public boolean hasRegression() {
        return core.regression != null;
    }

    /** Per-slice work shared by all copies; keys must include everything the value depends on. */
    @SuppressWarnings("unchecked")
    <T> T memo(Object key, Function<Object, T> compute) {
        Map<Object, Object> memo = core.memo;
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
