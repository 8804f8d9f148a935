package dev.touchstone.metric.internal;

import org.apiguardian.api.API;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.metric.internal.MetricSpec.BuiltIn;
import dev.touchstone.metric.internal.builtin.Averaging;
import dev.touchstone.metric.internal.builtin.BuiltInMetric;
import dev.touchstone.metric.internal.builtin.ConfusionMetric;
import dev.touchstone.metric.internal.builtin.CountMetric;
import dev.touchstone.metric.internal.builtin.EndpointMetric;
import dev.touchstone.metric.internal.builtin.RankingMetric;
import dev.touchstone.metric.internal.builtin.Resampling;
import dev.touchstone.metric.internal.builtin.SumsMetric;

/**
 * Evaluates one metric on one slice: point estimate, definedness and interval source. Results
 * are memoised per outcomes, slice, metric and bootstrap settings, so statements that repeat a
 * metric (or ask at another confidence level) reuse the work.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public final class MetricEvaluator {

    private MetricEvaluator() {
    }

    public static SliceEstimate evaluate(Outcomes outcomes, SliceRows slice, MetricSpec metric,
            TouchstoneSettings settings) {
        Key key = new Key(outcomes.dataset().name(), slice.name(), slice.definition(), slice.size(), metric,
                settings.seed(), settings.resamples(), slice.isPushed());
        return outcomes.memo(key, k -> compute(outcomes, slice, metric, settings));
    }

    private record Key(String dataset, String slice, String definition, int size, MetricSpec metric, long seed,
            int resamples, boolean pushed) {
    }

    /** The random stream of a statement: named by what it computes, so results do not depend on execution order. */
    static Resampling resampling(Outcomes outcomes, SliceRows slice, String metric, TouchstoneSettings settings) {
        String stream = outcomes.model().name() + '\u0000' + outcomes.dataset().name() + '\u0000' + slice.name()
                + '\u0000' + slice.definition() + '\u0000' + metric;
        return new Resampling(settings.resamples(), settings.seed(), stream);
    }

    private static SliceEstimate compute(Outcomes outcomes, SliceRows pushedOrNot, MetricSpec metric,
            TouchstoneSettings settings) {
        Resampling resampling = resampling(outcomes, pushedOrNot, metric.name(), settings);
        if (pushedOrNot.isPushed()) {
            SliceRows slice = pushedOrNot;
            EngineOutcomes engine = outcomes.engine().orElseThrow();
            if (metric instanceof BuiltIn builtIn) {
                java.util.Optional<SliceEstimate> aggregated = EngineEvaluation.estimate(outcomes, engine, slice, builtIn,
                        resampling);
                if (aggregated.isPresent()) {
                    return aggregated.get();
                }
            } else {
                engine.say(engine.source() + ": custom metric " + metric.name() + " is computed in memory");
            }
            return computeInMemory(outcomes, SliceResolver.inMemory(slice), metric, settings, resampling);
        }
        return computeInMemory(outcomes, pushedOrNot, metric, settings, resampling);
    }

    private static SliceEstimate computeInMemory(Outcomes outcomes, SliceRows slice, MetricSpec metric,
            TouchstoneSettings settings, Resampling resampling) {
        if (metric instanceof MetricSpec.Custom custom) {
            return CustomMetrics.estimate(outcomes, slice, custom, resampling);
        }
        BuiltIn builtIn = (BuiltIn) metric;
        String name = builtIn.name();
        Averaging averaging = builtIn.averaging();
        return builtIn.metric().accept(new BuiltInMetric.Family<SliceEstimate>() {
            @Override
            public SliceEstimate confusion(ConfusionMetric m) {
                return ConfusionEvaluation.estimate(outcomes, slice, m, averaging, name, resampling);
            }

            @Override
            public SliceEstimate sums(SumsMetric m) {
                return SumsEvaluation.estimate(outcomes, slice, m, name, resampling);
            }

            @Override
            public SliceEstimate ranking(RankingMetric m) {
                return RankingEvaluation.estimate(outcomes, slice, m, averaging, name, resampling);
            }

            @Override
            public SliceEstimate count(CountMetric m) {
                return SliceEstimate.of(name, slice, m.estimate(slice.size()));
            }

            @Override
            public SliceEstimate endpoint(EndpointMetric m) {
                return EndpointEvaluation.estimate(outcomes, slice, m, name, settings);
            }
        });
    }

    /**
     * The class a per-class metric is about: the named class, or on binary data the positive
     * class; -1 for averages over classes and metrics of all classes.
     */
    static int targetClass(ClassOutcomes classes, BuiltInMetric metric, Averaging averaging, Outcomes outcomes,
            String name) {
        if (!metric.perClass()) {
            return -1;
        }
        return switch (averaging.kind()) {
            case CLASS -> {
                int code = classes.classCode(averaging.className());
                if (code < 0) {
                    throw new QualityConfigurationException(name + ": class '" + averaging.className()
                            + "' does not occur in the labels or predictions of dataset '" + outcomes.dataset().name()
                            + "'; the classes are " + classes.classes());
                }
                yield code;
            }
            case DEFAULT -> binaryPositive(classes, metric, outcomes);
            default -> -1;
        };
    }

    /** The positive class of binary data; fails, saying what to do, on multi-class data or without one. */
    static int binaryPositive(ClassOutcomes classes, BuiltInMetric metric, Outcomes outcomes) {
        if (classes.classCount() > 2 && metric instanceof dev.touchstone.metric.internal.builtin.SumsMetric sums
                && sums.readsTrueClassProbability()) {
            throw new QualityConfigurationException(metric.id() + " on dataset '" + outcomes.dataset().name() + "', which has "
                    + classes.classCount() + " classes " + classes.classes() + ", needs a probability for every class: "
                    + "call withClassScore(\"class\", \"column\") on the dataset for each of them");
        }
        if (classes.classCount() > 2) {
            throw new QualityConfigurationException(metric.id() + " is a binary metric, but dataset '"
                    + outcomes.dataset().name() + "' has " + classes.classCount() + " classes " + classes.classes()
                    + "; choose " + averagingChoices(metric, classes.classes().get(0)));
        }
        if (!classes.hasPositive()) {
            throw new QualityConfigurationException(metric.id() + " needs to know the positive class of dataset '"
                    + outcomes.dataset().name() + "' (classes " + classes.classes()
                    + "); call withPositiveClass(\"...\") on the dataset");
        }
        return classes.positive;
    }

    // Only what the metric offers: ".macro(), .weighted() or .forClass("cat")".
    private static String averagingChoices(BuiltInMetric metric, String someClass) {
        java.util.List<String> choices = new java.util.ArrayList<>();
        for (Averaging.Kind kind : java.util.List.of(Averaging.Kind.MACRO, Averaging.Kind.MICRO, Averaging.Kind.WEIGHTED,
                Averaging.Kind.CLASS)) {
            if (metric.supports(kind)) {
                choices.add(kind == Averaging.Kind.CLASS ? ".forClass(\"" + someClass + "\")"
                        : "." + kind.name().toLowerCase(java.util.Locale.ROOT) + "()");
            }
        }
        if (choices.isEmpty()) {
            return "a metric defined on several classes (" + metric.id() + " has no multi-class form)";
        }
        String last = choices.remove(choices.size() - 1);
        return "an averaging: " + (choices.isEmpty() ? last : String.join(", ", choices) + " or " + last);
    }
}
