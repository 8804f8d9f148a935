package dev.touchstone.gate;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.InconclusivePolicy;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * How the gate judges a run. Immutable; start from {@link #withDefaults()}: INCONCLUSIVE fails,
 * no violation is allowed, no cap on INCONCLUSIVE results beyond the policy, no POM rules.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class GateOptions {

    private final InconclusivePolicy inconclusive;
    private final int maxAllowedViolations;
    private final OptionalInt maxInconclusive;
    private final List<Rule> rules;
    private final @Nullable Path baseline;
    private final boolean filteredRun;

    private GateOptions(InconclusivePolicy inconclusive, int maxAllowedViolations, OptionalInt maxInconclusive,
            List<Rule> rules, @Nullable Path baseline, boolean filteredRun) {
        this.inconclusive = Objects.requireNonNull(inconclusive, "inconclusive");
        this.maxAllowedViolations = maxAllowedViolations;
        this.maxInconclusive = maxInconclusive;
        this.rules = List.copyOf(rules);
        this.baseline = baseline;
        this.filteredRun = filteredRun;
    }

    public static GateOptions withDefaults() {
        return new GateOptions(InconclusivePolicy.FAIL, 0, OptionalInt.empty(), List.of(), null, false);
    }

    /** {@code fail}: an INCONCLUSIVE result is a violation; {@code skip}: it is reported, not counted. */
    public GateOptions withInconclusive(InconclusivePolicy policy) {
        return new GateOptions(policy, maxAllowedViolations, maxInconclusive, rules, baseline, filteredRun);
    }

    /** How many violations the gate tolerates (default 0). Check errors are never tolerated. */
    public GateOptions withMaxAllowedViolations(int max) {
        if (max < 0) {
            throw new QualityConfigurationException("maxAllowedViolations must be 0 or more but was " + max);
        }
        return new GateOptions(inconclusive, max, maxInconclusive, rules, baseline, filteredRun);
    }

    /** At most {@code max} INCONCLUSIVE results, whatever the policy; more is one violation. */
    public GateOptions withMaxInconclusive(int max) {
        if (max < 0) {
            throw new QualityConfigurationException("maxInconclusive must be 0 or more but was " + max);
        }
        return new GateOptions(inconclusive, maxAllowedViolations, OptionalInt.of(max), rules, baseline, filteredRun);
    }

    public GateOptions withRules(List<Rule> newRules) {
        return new GateOptions(inconclusive, maxAllowedViolations, maxInconclusive, newRules, baseline, filteredRun);
    }

    /**
     * The baseline the run is compared with ({@code src/test/touchstone/previous-run}), so the gate
     * says how many of its entries ran, and which ones the run recorded; {@code filteredRun} when
     * the tests were selected ({@code -Dtest}).
     */
    public GateOptions withBaseline(Path directory, boolean filteredRun) {
        return new GateOptions(inconclusive, maxAllowedViolations, maxInconclusive, rules,
                Objects.requireNonNull(directory, "directory"), filteredRun);
    }

    public InconclusivePolicy inconclusive() {
        return inconclusive;
    }

    public int maxAllowedViolations() {
        return maxAllowedViolations;
    }

    public OptionalInt maxInconclusive() {
        return maxInconclusive;
    }

    public List<Rule> rules() {
        return rules;
    }

    public Optional<Path> baseline() {
        return Optional.ofNullable(baseline);
    }

    public boolean filteredRun() {
        return filteredRun;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GateOptions other && inconclusive == other.inconclusive
                && maxAllowedViolations == other.maxAllowedViolations && maxInconclusive.equals(other.maxInconclusive)
                && rules.equals(other.rules) && Objects.equals(baseline, other.baseline)
                && filteredRun == other.filteredRun;
    }

    @Override
    public int hashCode() {
        return Objects.hash(inconclusive, maxAllowedViolations, maxInconclusive, rules, baseline, filteredRun);
    }

    @Override
    public String toString() {
        return "GateOptions[inconclusive=" + inconclusive + ", maxAllowedViolations=" + maxAllowedViolations
                + ", maxInconclusive=" + maxInconclusive + ", rules=" + rules + ", baseline=" + baseline
                + ", filteredRun=" + filteredRun + "]";
    }
}
