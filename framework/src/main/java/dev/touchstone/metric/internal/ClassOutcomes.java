package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.data.table.CategoricalColumn;
import dev.touchstone.data.table.Column;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.table.NumericColumn;
import dev.touchstone.data.table.Table;
import dev.touchstone.model.Model;
import dev.touchstone.model.internal.Predictions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/**
 * Classification outcomes as int codes into one class list, the union of true and predicted
 * classes in natural order (scikit-learn's {@code unique_labels}).
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class ClassOutcomes {

    private static final Set<String> IMPLICIT_POSITIVE = Set.of("1", "true", "yes");

    final String[] classes;
    final int[] label;
    final int[] predicted;
    final int positive;
    final List<String> notes;
    private final Table table;
    private final Column scoreColumn;
    private final String scoreName;
    private final java.util.Map<String, String> classScoreColumns;
    private final String modelName;
    private volatile double[] scores;
    private volatile ClassScores classScores;
    private volatile double[] trueClassProbabilities;

    private ClassOutcomes(String[] classes, int[] label, int[] predicted, int positive, List<String> notes,
            Table table, Column scoreColumn, String scoreName, java.util.Map<String, String> classScoreColumns,
            String modelName) {
        this.classes = classes;
        this.label = label;
        this.predicted = predicted;
        this.positive = positive;
        this.notes = notes;
        this.table = table;
        this.scoreColumn = scoreColumn;
        this.scoreName = scoreName;
        this.classScoreColumns = classScoreColumns;
        this.modelName = modelName;
    }

    static ClassOutcomes build(Model model, Dataset dataset, Table table, Predictions predictions) {
        String labelName = dataset.labelColumn().orElseThrow(() -> new QualityConfigurationException(
                "dataset '" + dataset.name() + "' has no label column; call withLabel(\"column\") on it"));
        CategoricalColumn labels = table.column(labelName).asCategorical();
        requireNoMissing(table, labels, "label", "column '" + labelName + "'");
        if (predictions.scoresOnly()) {
            return scoresOnly(model, dataset, table, predictions, labels, labelName);
        }
        CategoricalColumn preds = predictions.predicted().asCategorical();
        requireNoMissing(table, preds, "prediction", predictions.origin());

        TreeSet<String> union = new TreeSet<>(naturalOrder());
        union.addAll(labels.values());
        union.addAll(preds.values());
        String[] classes = union.toArray(String[]::new);
        int[] labelCode = remap(labels, classes);
        int[] predCode = remap(preds, classes);

        int n = table.rowCount();
        long[] trueCount = new long[classes.length];
        long[] predCount = new long[classes.length];
        for (int i = 0; i < n; i++) {
            trueCount[labelCode[i]]++;
            predCount[predCode[i]]++;
        }
        List<String> notes = new ArrayList<>();
        for (int c = 0; c < classes.length; c++) {
            if (predCount[c] == 0) {
                notes.add("class '" + classes[c] + "' occurs in labels (" + trueCount[c] + " rows) but is never predicted");
            } else if (trueCount[c] == 0) {
                notes.add("class '" + classes[c] + "' is predicted (" + predCount[c] + " rows) but never occurs in labels");
            }
        }
        int positive = positiveClass(dataset, labelName, classes, trueCount);
        requireNumericScoreColumns(dataset, table);
        Column scores = predictions.scores();
        String scoreName = dataset.scoreColumn().orElse(predictions.origin() + " score");
        return new ClassOutcomes(classes, labelCode, predCode, positive, Collections.unmodifiableList(notes),
                table, scores, scoreName, dataset.classScoreColumns(), model.name());
    }

    /**
     * A score-only model: the classes are the labels'; predicted classes exist only when the dataset
     * sets a threshold (score at or above it: the positive class, else the other one).
     */
    private static ClassOutcomes scoresOnly(Model model, Dataset dataset, Table table, Predictions predictions,
            CategoricalColumn labels, String labelName) {
        TreeSet<String> ordered = new TreeSet<>(naturalOrder());
        ordered.addAll(labels.values());
        String[] classes = ordered.toArray(String[]::new);
        int[] labelCode = remap(labels, classes);
        long[] trueCount = new long[classes.length];
        for (int code : labelCode) {
            trueCount[code]++;
        }
        int positive = positiveClass(dataset, labelName, classes, trueCount);
        ClassOutcomes scored = new ClassOutcomes(classes, labelCode, null, positive, List.of(), table,
                predictions.scores(), dataset.scoreColumn().orElse(predictions.origin()), dataset.classScoreColumns(),
                model.name());
        if (dataset.threshold().isEmpty()) {
            return scored;
        }
        if (classes.length != 2 || positive < 0) {
            throw new QualityConfigurationException("withThreshold(" + dataset.threshold().getAsDouble() + ") on dataset '"
                    + dataset.name() + "' turns scores into one of two classes, but the labels have " + classes.length
                    + " classes " + Arrays.toString(classes) + (positive < 0 ? " and no positive class"
                            + " (withPositiveClass(\"...\"))" : ""));
        }
        double threshold = dataset.threshold().getAsDouble();
        double[] scores = scored.scores();
        int[] predicted = new int[scores.length];
        for (int row = 0; row < scores.length; row++) {
            predicted[row] = scores[row] >= threshold ? positive : 1 - positive;
        }
        return new ClassOutcomes(classes, labelCode, predicted, positive, List.of(), table, predictions.scores(),
                scored.scoreName, dataset.classScoreColumns(), model.name());
    }

    /**
     * Classes of data that stays in an engine: the class list, positive class and notes only, no
     * per-row codes (they are empty arrays, so row-based code fails loudly rather than reads them).
     */
    static ClassOutcomes aggregated(String[] classes, int positive, List<String> notes, String modelName) {
        return new ClassOutcomes(classes, new int[0], new int[0], positive, List.copyOf(notes), null, null, null,
                java.util.Map.of(), modelName);
    }

    /** The predicted classes, or an error that says how a score-only model gets them. */
    int[] requirePredicted(String metric) {
        if (predicted == null) {
            throw new QualityConfigurationException(metric + " needs predicted classes, but model '" + modelName
                    + "' gives scores only (no prediction column): call withThreshold(0.5) on its dataset to predict "
                    + "the positive class where the score reaches 0.5, or ask a ranking or probability metric "
                    + "(rocAuc, averagePrecision, logLoss, brierScore)");
        }
        return predicted;
    }

    /**
     * A column the dataset declares as a score must hold numbers, whatever the statement asks: a
     * few stray values (a repeated header row, a "n/a") turn the whole column into text, and
     * that is an error naming the first of them, not a column silently unused.
     */
    private static void requireNumericScoreColumns(Dataset dataset, Table table) {
        List<String> declared = new ArrayList<>();
        dataset.scoreColumn().ifPresent(declared::add);
        declared.addAll(dataset.classScoreColumns().values());
        for (String name : declared) {
            Column column = table.findColumn(name).orElse(null);
            if (column != null && !(column instanceof NumericColumn)) {
                throw new QualityConfigurationException(table.firstNonNumeric(name)
                        + "; the score column must hold numbers");
            }
        }
    }

    static int positiveClass(Dataset dataset, String labelName, String[] classes, long[] trueCount) {
        if (dataset.positiveClass().isPresent()) {
            String wanted = dataset.positiveClass().get();
            int code = Arrays.asList(classes).indexOf(wanted);
            if (code < 0) {
                throw new QualityConfigurationException("positive class '" + wanted + "' of dataset '" + dataset.name()
                        + "' does not occur in column '" + labelName + "' nor in the predictions; the classes are "
                        + Arrays.toString(classes));
            }
            return code;
        }
        if (classes.length == 2 && IMPLICIT_POSITIVE.contains(classes[1].toLowerCase(Locale.ROOT))
                && Set.of("0", "false", "no").contains(classes[0].toLowerCase(Locale.ROOT))) {
            return 1;
        }
        if (classes.length == 1 && IMPLICIT_POSITIVE.contains(classes[0].toLowerCase(Locale.ROOT))) {
            return 0;
        }
        return -1;
    }

    private static void requireNoMissing(Table table, CategoricalColumn column, String what, String origin) {
        int[] codes = column.codesView();
        int first = -1;
        int count = 0;
        for (int row = 0; row < codes.length; row++) {
            if (codes[row] == CategoricalColumn.MISSING) {
                if (first < 0) {
                    first = row;
                }
                count++;
            }
        }
        if (count > 0) {
            throw new QualityConfigurationException(count + " row(s) have no " + what + " in " + origin
                    + "; the first is " + table.locate(first) + ". Every example needs a " + what
                    + " (rows are never dropped silently)");
        }
    }

    private static int[] remap(CategoricalColumn column, String[] classes) {
        List<String> order = Arrays.asList(classes);
        int[] toClass = new int[column.cardinality()];
        for (int code = 0; code < toClass.length; code++) {
            toClass[code] = Collections.binarySearch(order, column.value(code), naturalOrder());
        }
        int[] codes = column.codesView();
        int[] out = new int[codes.length];
        for (int row = 0; row < codes.length; row++) {
            out[row] = toClass[codes[row]];
        }
        return out;
    }

    /** Numbers in numeric order, numbers before text, text in lexicographic order. */
    static Comparator<String> naturalOrder() {
        return (a, b) -> {
            double x = parse(a);
            double y = parse(b);
            boolean xn = !Double.isNaN(x);
            boolean yn = !Double.isNaN(y);
            if (xn && yn) {
                int c = Double.compare(x, y);
                return c != 0 ? c : a.compareTo(b);
            }
            if (xn != yn) {
                return xn ? -1 : 1;
            }
            return a.compareTo(b);
        };
    }

    private static double parse(String s) {
        if (s.isEmpty() || !(Character.isDigit(s.charAt(0)) || s.charAt(0) == '-' || s.charAt(0) == '+' || s.charAt(0) == '.')) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    public int classCount() {
        return classes.length;
    }

    public List<String> classes() {
        return List.of(classes);
    }

    public boolean hasPositive() {
        return positive >= 0;
    }

    public String positiveName() {
        return positive >= 0 ? classes[positive] : null;
    }

    public int classCode(String name) {
        return Arrays.asList(classes).indexOf(name);
    }

    public List<String> notes() {
        return notes;
    }

    public boolean hasScores() {
        return scoreColumn != null;
    }

    public String scoreName() {
        return scoreName;
    }

    /** Positive-class scores, checked on first use: no missing, NaN or infinite value. */
    double[] scores() {
        double[] s = scores;
        if (s == null) {
            if (scoreColumn == null) {
                throw new QualityConfigurationException("this metric needs scores, but the model gives none: call "
                        + "withScore(\"column\") on the dataset of a logged model (the score or probability of the "
                        + "positive class), or return Prediction.of(label, score) from an in-process model");
            }
            double[] values = finiteScores(scoreColumn);
            s = values;
            scores = s;
        }
        return s;
    }

    /** Fails, naming the first offending row, unless every score is a probability in [0, 1]. */
    void requireProbabilities(String metric) {
        double[] s = scores();
        for (int row = 0; row < s.length; row++) {
            if (s[row] < 0 || s[row] > 1) {
                throw new QualityConfigurationException(metric + " needs probabilities in [0, 1], but "
                        + table.locate(row, scoreColumn.name()) + " is " + scoreColumn.text(row));
            }
        }
    }

    /**
     * The score columns of every class ({@code withClassScore}), checked on first use: one per
     * class that occurs in the labels, numbers only.
     *
     * @param classes the classes with a score column, in declaration order
     * @param label   each row's true class as a code into {@code classes}
     * @param scores  {@code scores[c][row]}
     */
    record ClassScores(List<String> classes, int[] label, double[][] scores) {
    }

    boolean hasClassScores() {
        return !classScoreColumns.isEmpty();
    }

    /**
     * Each row's probability of its true class, as scikit-learn's multi-class log loss reads it:
     * every class's probability clipped to [ε, 1 − ε] (ε the float64 epsilon), the row then
     * divided by its sum. Fails, naming the row, on a probability outside [0, 1].
     */
    double[] trueClassProbabilities(String metric) {
        double[] p = trueClassProbabilities;
        if (p == null) {
            ClassScores cs = classScores();
            double eps = Math.ulp(1.0);
            int n = cs.label().length;
            p = new double[n];
            for (int row = 0; row < n; row++) {
                double sum = 0;
                double mine = 0;
                for (int c = 0; c < cs.scores().length; c++) {
                    double v = cs.scores()[c][row];
                    if (v < 0 || v > 1) {
                        throw new QualityConfigurationException(metric + " needs probabilities in [0, 1], but "
                                + table.locate(row, classScoreColumns.get(cs.classes().get(c))) + " is " + v);
                    }
                    double clipped = Math.min(Math.max(v, eps), 1 - eps);
                    sum += clipped;
                    if (c == cs.label()[row]) {
                        mine = clipped;
                    }
                }
                p[row] = mine / sum;
            }
            trueClassProbabilities = p;
        }
        return p;
    }

    ClassScores classScores() {
        ClassScores cs = classScores;
        if (cs == null) {
            if (classScoreColumns.isEmpty()) {
                throw new QualityConfigurationException("this metric averages over classes one against the rest and "
                        + "needs a score for every class: call withClassScore(\"class\", \"column\") on the dataset "
                        + "for each of the classes " + classes());
            }
            List<String> scored = List.copyOf(classScoreColumns.keySet());
            double[][] scores = new double[scored.size()][];
            for (int c = 0; c < scored.size(); c++) {
                scores[c] = finiteScores(table.column(classScoreColumns.get(scored.get(c))));
            }
            int[] toScored = new int[classes.length];
            for (int c = 0; c < classes.length; c++) {
                toScored[c] = scored.indexOf(classes[c]);
            }
            int[] codes = new int[label.length];
            for (int row = 0; row < label.length; row++) {
                codes[row] = toScored[label[row]];
                if (codes[row] < 0) {
                    throw new QualityConfigurationException(table.locate(row) + ": the true class '" + classes[label[row]]
                            + "' has no score column; the classes with one are " + scored
                            + " (withClassScore(\"" + classes[label[row]] + "\", \"column\"))");
                }
            }
            cs = new ClassScores(scored, codes, scores);
            classScores = cs;
        }
        return cs;
    }

    private double[] finiteScores(Column column) {
        if (!(column instanceof NumericColumn numeric)) {
            throw new QualityConfigurationException(table.firstNonNumeric(column.name()) + "; the score column must hold numbers");
        }
        double[] values = numeric.valuesView();
        for (int row = 0; row < values.length; row++) {
            if (numeric.isMissing(row)) {
                throw new QualityConfigurationException(table.locate(row, column.name()) + ": the score is missing");
            }
            if (!Double.isFinite(values[row])) {
                throw new QualityConfigurationException(table.locate(row, column.name()) + ": the score is "
                        + column.text(row) + "; scores must be finite numbers");
            }
        }
        return values;
    }
}
