package dev.touchstone.gate;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.InconclusivePolicy;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;
import org.apiguardian.api.API;

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

    private GateOptions(InconclusivePolicy inconclusive, int maxAllowedViolations, OptionalInt maxInconclusive,
            List<Rule> rules) {
        this.inconclusive = Objects.requireNonNull(inconclusive, "inconclusive");
        this.maxAllowedViolations = maxAllowedViolations;
        this.maxInconclusive = maxInconclusive;
        this.rules = List.copyOf(rules);
    }

    public static GateOptions withDefaults() {
        return new GateOptions(InconclusivePolicy.FAIL, 0, OptionalInt.empty(), List.of());
    }

    /** {@code fail}: an INCONCLUSIVE result is a violation; {@code skip}: it is reported, not counted. */
    public GateOptions withInconclusive(InconclusivePolicy policy) {
        return new GateOptions(policy, maxAllowedViolations, maxInconclusive, rules);
    }

    /** How many violations the gate tolerates (default 0). Check errors are never tolerated. */
    public GateOptions withMaxAllowedViolations(int max) {
        if (max < 0) {
            throw new QualityConfigurationException("maxAllowedViolations must be 0 or more but was " + max);
        }
        return new GateOptions(inconclusive, max, maxInconclusive, rules);
    }

    /** At most {@code max} INCONCLUSIVE results, whatever the policy; more is one violation. */
    public GateOptions withMaxInconclusive(int max) {
        if (max < 0) {
            throw new QualityConfigurationException("maxInconclusive must be 0 or more but was " + max);
        }
        return new GateOptions(inconclusive, maxAllowedViolations, OptionalInt.of(max), rules);
    }

    public GateOptions withRules(List<Rule> newRules) {
        return new GateOptions(inconclusive, maxAllowedViolations, maxInconclusive, newRules);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof GateOptions other && inconclusive == other.inconclusive
                && maxAllowedViolations == other.maxAllowedViolations && maxInconclusive.equals(other.maxInconclusive)
                && rules.equals(other.rules);
    }

    @Override
    public int hashCode() {
        return Objects.hash(inconclusive, maxAllowedViolations, maxInconclusive, rules);
    }

    @Override
    public String toString() {
        return "GateOptions[inconclusive=" + inconclusive + ", maxAllowedViolations=" + maxAllowedViolations
                + ", maxInconclusive=" + maxInconclusive + ", rules=" + rules + "]";
    }
}
