package dev.touchstone.metric.internal.builtin;

import org.apiguardian.api.API;

import dev.touchstone.metric.internal.builtin.Averaging.Kind;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * One built-in metric, defined once: its name in results, whether higher is better, the values
 * it can take, the averagings it offers on multi-class data and, in its family's terms, how it
 * is computed from a sufficient statistic. The families are the shapes of statistic the
 * evaluation knows how to gather; adding a metric of an existing family is adding one class.
 */
@API(status = API.Status.INTERNAL, since = "0.2")
public abstract sealed class BuiltInMetric
        permits ConfusionMetric, SumsMetric, RankingMetric, CountMetric, EndpointMetric {

    private final String id;
    private final boolean higherIsBetter;
    private final Range range;
    private final Set<Kind> averagings;

    BuiltInMetric(String id, boolean higherIsBetter, Range range, Set<Kind> averagings) {
        this.id = Objects.requireNonNull(id, "id");
        this.higherIsBetter = higherIsBetter;
        this.range = Objects.requireNonNull(range, "range");
        this.averagings = Set.copyOf(averagings);
    }

    /** For metrics without averaging. */
    BuiltInMetric(String id, boolean higherIsBetter, Range range) {
        this(id, higherIsBetter, range, EnumSet.of(Kind.DEFAULT));
    }

    /** The base name in results: {@code recall}, {@code roc_auc}, {@code latency_p95_ms}. */
    public final String id() {
        return id;
    }

    public final boolean higherIsBetter() {
        return higherIsBetter;
    }

    public final Range range() {
        return range;
    }

    /** What the metric reads of each example under {@code averaging}. */
    public abstract Input input(Averaging averaging);

    /** Whether the metric can be reduced this way ({@code .macro()}, {@code .forClass("cat")}, ...). */
    public final boolean supports(Kind kind) {
        return averagings.contains(kind);
    }

    public final Set<Kind> averagings() {
        return averagings;
    }

    /** Whether the metric is about one class, so that multi-class data needs an averaging or a class. */
    public final boolean perClass() {
        return averagings.size() > 1;
    }

    /** The result name: {@code recall}, {@code f1(macro)}, {@code recall(class=3)}. */
    public String name(Averaging averaging) {
        String suffix = averaging.suffix();
        return suffix.isEmpty() ? id : id + "(" + suffix + ")";
    }

    /** Dispatch on the family, so that the evaluation handles each family in one place. */
    public abstract <R> R accept(Family<R> family);

    /** What the evaluation does with each family of metric. */
    public interface Family<R> {
        R confusion(ConfusionMetric metric);

        R sums(SumsMetric metric);

        R ranking(RankingMetric metric);

        R count(CountMetric metric);

        R endpoint(EndpointMetric metric);
    }

    @Override
    public String toString() {
        return id;
    }
}
