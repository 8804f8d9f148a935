package dev.touchstone.assertion;

import dev.touchstone.assertion.internal.MonitoringJudge;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.metric.internal.MetricEvaluator;
import dev.touchstone.metric.internal.MetricSpec;
import dev.touchstone.metric.internal.Outcomes;
import dev.touchstone.metric.internal.SliceEstimate;
import dev.touchstone.metric.internal.SliceRows;
import dev.touchstone.metric.internal.WindowResolver;
import dev.touchstone.metric.internal.builtin.Range;
import dev.touchstone.result.Expectation;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.slice.PreviousWindows;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.internal.Multiplicity;
import dev.touchstone.stats.internal.WindowAnomaly;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * {@code isNotAnomalousComparedTo(previousWindows(k))}: each judged window's metric against the
 * metric on the k windows before it, by the one-sided prediction t-test of
 * {@link WindowAnomaly}; p-values adjusted over the statement's slices.
 */
final class AnomalyStatement {

    private final Statement statement;
    private final PreviousWindows previous;
    private final double level;

    AnomalyStatement(Statement statement, PreviousWindows previous, double level) {
        this.statement = statement;
        this.previous = previous;
        this.level = level;
    }

    private record Judged(SliceRows slice, MetricValue value, WindowAnomaly.Result result, String why, long referenceN,
            int windows) {
    }

    StatementResult evaluate(TouchstoneSettings settings) {
        if (!(statement.selection() instanceof Selection.Windowed windowed)) {
            throw new IllegalStateException("isNotAnomalousComparedTo(previousWindows(...)) judges time windows: "
                    + "start with onLastWindowOf(\"timestamp\", Period.ofDays(1)) or onEachWindowOf(...)");
        }
        Outcomes outcomes = statement.outcomes(settings);
        boolean higherIsBetter = statement.metric().higherIsBetter();
        // proportions (range [0, 1], such as accuracy and recall) are tested on the arcsine scale
        boolean proportion = statement.metric() instanceof MetricSpec.BuiltIn builtIn
                && builtIn.metric().range().equals(Range.UNIT);
        List<Judged> judged = new ArrayList<>();
        for (SliceRows base : windowed.base().resolve(outcomes)) {
            List<WindowResolver.Window> windows = WindowResolver.windows(outcomes, base, windowed.windows()).windows();
            int from = windowed.lastOnly() ? windows.size() - 1 : 0;
            for (int i = from; i < windows.size(); i++) {
                SliceRows slice = windows.get(i).rows();
                MetricValue value = MetricEvaluator.evaluate(outcomes, slice, statement.metric(), settings).at(level);
                List<Double> reference = new ArrayList<>();
                long referenceN = 0;
                for (int j = Math.max(0, i - previous.count()); j < i; j++) {
                    SliceEstimate before = MetricEvaluator.evaluate(outcomes, windows.get(j).rows(), statement.metric(),
                            settings);
                    if (before.isDefined()) {
                        reference.add(before.at(level).value());
                        referenceN += windows.get(j).rows().size();
                    }
                }
                if (reference.size() < 3 || !value.isDefined()) {
                    String why = "only " + reference.size() + " of the " + previous.count() + " windows before this one "
                            + "have a defined " + value.metric() + "; the test needs at least 3";
                    judged.add(new Judged(slice, value, null, why, referenceN, reference.size()));
                    continue;
                }
                double[] ref = reference.stream().mapToDouble(Double::doubleValue).toArray();
                judged.add(new Judged(slice, value, WindowAnomaly.test(ref, value.value(), higherIsBetter, level, proportion), "",
                        referenceN, ref.length));
            }
        }
        double[] raw = judged.stream().filter(j -> j.result() != null).mapToDouble(j -> j.result().pValue()).toArray();
        double[] adjusted = Multiplicity.adjust(raw, Multiplicity.Method.valueOf(settings.multiplicity().name()));
        String correction = settings.multiplicity().name().toLowerCase(Locale.ROOT);
        String family = statement.metric().name() + " on " + judged.size() + " window" + (judged.size() == 1 ? "" : "s");
        Expectation expectation = Expectation.comparison(Expectation.Kind.NOT_ANOMALOUS, OptionalDouble.empty(), 0,
                Double.NaN);
        List<SliceResult> slices = new ArrayList<>();
        int next = 0;
        for (Judged j : judged) {
            Optional<MonitoringJudge.Test> test = Optional.empty();
            String details = "";
            if (j.result() != null) {
                WindowAnomaly.Result r = j.result();
                Interval stable = new Interval(r.low() - r.mean(), r.high() - r.mean(), level, "prediction-t");
                test = Optional.of(new MonitoringJudge.Test(previous.source(), r.mean(), j.referenceN(),
                        proportion ? "window-prediction-t-arcsine" : "window-prediction-t", r.t(), r.pValue(), adjusted[next++], settings.alpha(), correction, family,
                        raw.length, j.value().value() - r.mean(), stable));
                details = String.format(Locale.ROOT, "standard deviation %.4f across %d windows (t with %d degrees of "
                        + "freedom)", r.sd(), j.windows(), r.df());
            }
            slices.add(MonitoringJudge.anomaly(statement.model().name(), statement.datasetName(), j.slice().definition(),
                    j.value(), expectation, test, j.why(), higherIsBetter, details));
        }
        return new StatementResult(statement.description(), slices, !statement.selection().single(),
                Optional.of(outcomes.asSource()));
    }
}
