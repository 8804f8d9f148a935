package dev.touchstone.gate;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.result.CheckEntry;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A bound on one metric, as a team writes it in the POM: a {@code minimum}, a {@code maximum}
 * and/or a {@code maxRegression} (the largest allowed worsening against the result's baseline
 * value, in the metric's units: {@code 0.01} or {@code 1%} is one point of recall). Judged on the
 * point estimate of each result the rule selects; the interval is shown as evidence.
 * Immutable: {@code Limit.on("recall").withMinimum(Threshold.parse("minimum", "90%"))}.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Limit {

    private static final Pattern METRIC = Pattern.compile("[a-z][a-z0-9_]*(\\(.+\\))?");

    private final String metric;
    private final @Nullable Threshold minimum;
    private final @Nullable Threshold maximum;
    private final @Nullable Threshold maxRegression;

    private Limit(String metric, @Nullable Threshold minimum, @Nullable Threshold maximum,
            @Nullable Threshold maxRegression) {
        this.metric = metric;
        this.minimum = minimum;
        this.maximum = maximum;
        this.maxRegression = maxRegression;
        if (minimum != null && maximum != null && minimum.value().compareTo(maximum.value()) > 0) {
            throw new QualityConfigurationException("limit on " + metric + ": minimum " + minimum + " is above maximum " + maximum);
        }
    }

    /**
     * A limit on {@code metric}, named as the results file names it ({@code recall},
     * {@code roc_auc}, {@code f1(macro)}; upper case is accepted: {@code RECALL}).
     */
    public static Limit on(String metric) {
        if (metric == null || metric.isBlank()) {
            throw new QualityConfigurationException("limit has no metric: expected a metric name such as recall or roc_auc");
        }
        String name = metric.trim();
        int paren = name.indexOf('(');
        name = paren < 0 ? name.toLowerCase(Locale.ROOT)
                : name.substring(0, paren).toLowerCase(Locale.ROOT) + name.substring(paren);
        if (!METRIC.matcher(name).matches()) {
            throw new QualityConfigurationException("metric '" + metric + "' is not a metric name: expected a name as "
                    + "results.json writes it, such as recall, roc_auc, f1(macro) or recall(class=cat)");
        }
        return new Limit(name, null, null, null);
    }

    public Limit withMinimum(Threshold value) {
        return new Limit(metric, inRange("minimum", value), maximum, maxRegression);
    }

    public Limit withMaximum(Threshold value) {
        return new Limit(metric, minimum, inRange("maximum", value), maxRegression);
    }

    public Limit withMaxRegression(Threshold value) {
        if (value.value().signum() < 0) {
            throw new QualityConfigurationException("maxRegression " + value + " of " + metric + " is negative: expected "
                    + "the largest allowed worsening, 0 or more, such as 0.01 or 1%");
        }
        return new Limit(metric, minimum, maximum, value);
    }

    private Threshold inRange(String what, Threshold value) {
        Metrics.range(metric).ifPresent(range -> {
            if (!range.contains(value.value())) {
                throw new QualityConfigurationException(what + " " + value + " of " + metric + " is outside the values "
                        + metric + " can take, " + range + (value.value().compareTo(BigDecimal.ONE) > 0
                                && range.isBoundedAbove() ? ": write 0.9 or 90%" : ""));
            }
        });
        return value;
    }

    public String metric() {
        return metric;
    }

    public Optional<Threshold> minimum() {
        return Optional.ofNullable(minimum);
    }

    public Optional<Threshold> maximum() {
        return Optional.ofNullable(maximum);
    }

    public Optional<Threshold> maxRegression() {
        return Optional.ofNullable(maxRegression);
    }

    /** Whether the limit bounds anything: a limit without minimum, maximum or maxRegression is a mistake. */
    public boolean isEmpty() {
        return minimum == null && maximum == null && maxRegression == null;
    }

    /** Whether the limit bounds only the regression against a baseline. */
    boolean onlyRegression() {
        return minimum == null && maximum == null && maxRegression != null;
    }

    /** Whether the limit is on the metric of {@code entry}. */
    boolean appliesTo(CheckEntry entry) {
        return metric.equals(entry.metric());
    }

    /** Whether the limit can judge {@code entry}: a defined value, and a baseline value if a regression bound is set. */
    boolean canJudge(CheckEntry entry) {
        if (entry.value() == null || !Double.isFinite(entry.value())) {
            return false;
        }
        return minimum != null || maximum != null || baselineValue(entry) != null;
    }

    /**
     * Every bound {@code entry} misses, as rule violations whose line shows the bound and the
     * evidence it was judged on (the baseline only for {@code maxRegression}); empty when it meets
     * them all.
     */
    List<Violation> check(CheckEntry entry) {
        List<Violation> violations = new ArrayList<>();
        if (entry.value() == null || !Double.isFinite(entry.value())) {
            return violations;
        }
        BigDecimal value = Numbers.decimal(entry.value());
        if (minimum != null && value.compareTo(minimum.value()) < 0) {
            violations.add(violation(entry, "minimum is " + shown(minimum), minimum.doubleValue(), RoundingMode.FLOOR,
                    false));
        }
        if (maximum != null && value.compareTo(maximum.value()) > 0) {
            violations.add(violation(entry, "maximum is " + shown(maximum), maximum.doubleValue(), RoundingMode.CEILING,
                    false));
        }
        Double base = baselineValue(entry);
        if (maxRegression != null && base != null) {
            boolean higherIsBetter = Metrics.higherIsBetter(metric);
            BigDecimal baseline = Numbers.decimal(base);
            BigDecimal worsening = higherIsBetter ? baseline.subtract(value) : value.subtract(baseline);
            if (worsening.compareTo(maxRegression.value()) > 0) {
                double limit = (higherIsBetter ? baseline.subtract(maxRegression.value())
                        : baseline.add(maxRegression.value())).doubleValue();
                RoundingMode rounding = higherIsBetter ? RoundingMode.FLOOR : RoundingMode.CEILING;
                violations.add(violation(entry, "a " + (higherIsBetter ? "drop" : "rise") + " of at most "
                        + shown(maxRegression) + " from baseline "
                        + EntryText.ruleDigits(entry, limit, rounding).number(base), limit, rounding, true));
            }
        }
        return violations;
    }

    private static Violation violation(CheckEntry entry, String expectation, double bound, RoundingMode rounding,
            boolean againstBaseline) {
        return new Violation(Violation.Kind.RULE, entry, GateMessages.ruleViolated(entry, expectation, bound, rounding,
                againstBaseline), "rule: " + expectation);
    }

    private static @Nullable Double baselineValue(CheckEntry entry) {
        return entry.baseline() == null ? null : entry.baseline().value();
    }

    private String shown(Threshold t) {
        return t.value().setScale(decimals(t), RoundingMode.HALF_EVEN).toPlainString();
    }

    // counts are whole numbers: "size is 399, but expected minimum is 400"
    private int decimals(Threshold t) {
        return "size".equals(metric) && t.value().stripTrailingZeros().scale() <= 0 ? 0 : t.decimals();
    }

    /** {@code recall minimum 0.90 maximum 1}. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(metric);
        if (minimum != null) {
            text.append(" minimum ").append(minimum);
        }
        if (maximum != null) {
            text.append(" maximum ").append(maximum);
        }
        if (maxRegression != null) {
            text.append(" maxRegression ").append(maxRegression);
        }
        return text.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Limit other && metric.equals(other.metric) && Objects.equals(minimum, other.minimum)
                && Objects.equals(maximum, other.maximum) && Objects.equals(maxRegression, other.maxRegression);
    }

    @Override
    public int hashCode() {
        return Objects.hash(metric, minimum, maximum, maxRegression);
    }
}
