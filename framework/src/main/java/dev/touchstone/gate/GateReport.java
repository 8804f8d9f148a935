package dev.touchstone.gate;

import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * The outcome of the gate: its violations (in the order results and rules were read), notices
 * (INCONCLUSIVE results under the skip policy), whether it passed, and the one-line summary.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public record GateReport(RunResults results, GateOptions options, List<Violation> violations, List<Violation> notices,
        Optional<BaselineCoverage> coverage) {

    public GateReport {
        violations = List.copyOf(violations);
        notices = List.copyOf(notices);
        Objects.requireNonNull(coverage, "coverage");
    }

    /** A report without baseline coverage. */
    public GateReport(RunResults results, GateOptions options, List<Violation> violations, List<Violation> notices) {
        this(results, options, violations, notices, Optional.empty());
    }

    /** No check error, and no more violations than allowed. */
    public boolean passed() {
        return count(Violation.Kind.CHECK_ERROR) == 0 && violations.size() <= options.maxAllowedViolations();
    }

    public long count(Violation.Kind kind) {
        return violations.stream().filter(v -> v.kind() == kind).count();
    }

    /** Whether a POM rule found {@code entry} below (or above) one of its limits. */
    public boolean violatesRule(CheckEntry entry) {
        return ruleViolators().contains(entry);
    }

    /** The limits of POM rules {@code entry} misses, as its row shows them: {@code rule: minimum is 0.950}. */
    public List<String> ruleLimits(CheckEntry entry) {
        return violations.stream().filter(v -> v.kind() == Violation.Kind.RULE && v.entry() == entry
                && v.expected() != null).map(Violation::expected).distinct().toList();
    }

    private Set<CheckEntry> ruleViolators() {
        Set<CheckEntry> set = Collections.newSetFromMap(new IdentityHashMap<>());
        violations.stream().filter(v -> v.kind() == Violation.Kind.RULE && v.entry() != null)
                .forEach(v -> set.add(v.entry()));
        return set;
    }

    /** Every result, those that need attention first: ERROR, FAILED, INCONCLUSIVE, rule violators, then PASSED. */
    public List<CheckEntry> rows() {
        Set<CheckEntry> violators = ruleViolators();
        List<CheckEntry> rows = new ArrayList<>(results.checks());
        rows.sort(Comparator.comparingInt(e -> rank(e, violators)));
        return rows;
    }

    /** The results that need attention: not PASSED, or in violation of a rule. */
    public List<CheckEntry> attention() {
        Set<CheckEntry> violators = ruleViolators();
        return rows().stream().filter(e -> e.verdict() != Verdict.PASSED || violators.contains(e)).toList();
    }

    private static int rank(CheckEntry e, Set<CheckEntry> violators) {
        return switch (e.verdict()) {
            case ERROR -> 0;
            case FAILED -> 1;
            case INCONCLUSIVE -> 2;
            case PASSED -> violators.contains(e) ? 3 : 4;
        };
    }

    /** {@code 14 results: 12 passed, 1 failed, 1 inconclusive, 0 errors}. */
    public String counts() {
        return Numbers.plural(results.checks().size(), "result", "results") + ": "
                + results.count(Verdict.PASSED) + " passed, " + results.count(Verdict.FAILED) + " failed, "
                + results.count(Verdict.INCONCLUSIVE) + " inconclusive, "
                + Numbers.plural(results.count(Verdict.ERROR), "error", "errors");
    }

    /**
     * One line: {@code Touchstone quality gate failed: 2 violations, at most 0 allowed (1 failed
     * check, 1 rule violation); 14 results: 12 passed, 1 failed, 1 inconclusive, 0 errors}.
     */
    public String summary() {
        StringBuilder line = new StringBuilder("Touchstone quality gate ").append(passed() ? "passed" : "failed");
        if (!violations.isEmpty()) {
            line.append(passed() ? " with " : ": ").append(Numbers.plural(violations.size(), "violation", "violations"))
                    .append(", at most ").append(options.maxAllowedViolations()).append(" allowed");
            if (count(Violation.Kind.CHECK_ERROR) > 0) {
                line.append(" and no check error");
            }
            line.append(" (").append(breakdown()).append(")");
            line.append("; ");
        } else {
            line.append(": ");
        }
        line.append(counts());
        if (!options.rules().isEmpty()) {
            line.append("; ").append(Numbers.plural(options.rules().size(), "POM rule", "POM rules"));
        }
        if (!notices.isEmpty()) {
            line.append("; ").append(notices.size()).append(" inconclusive not counted (touchstone.inconclusive=skip)");
        }
        coverage.ifPresent(c -> {
            if (!c.recorded().isEmpty()) {
                line.append("; ").append(c.recordedSummary());
            }
            if (c.partial()) {
                line.append("; ").append(c.summary());
            }
        });
        return line.toString();
    }

    private String breakdown() {
        Map<Violation.Kind, Long> byKind = violations.stream()
                .collect(Collectors.groupingBy(Violation::kind, () -> new EnumMap<>(Violation.Kind.class), Collectors.counting()));
        return byKind.entrySet().stream().map(en -> en.getKey().count(en.getValue())).collect(Collectors.joining(", "));
    }
}
