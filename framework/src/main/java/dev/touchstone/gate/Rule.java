package dev.touchstone.gate;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.result.CheckEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apiguardian.api.API;

/**
 * A rule a team adds in the POM without touching specs: limits that every result on a matching
 * slice must meet ("no camera below 0.80 recall"). Slices are selected by glob patterns over the
 * slice names of the results file ({@code camera=*}, {@code overall}, {@code night}; {@code *}
 * matches any run of characters, {@code ?} one character).
 *
 * <p>A rule applies to every result it matches: when two checks measure the same metric on the
 * same slice, each result is judged, and each one that misses a limit is a violation. A result
 * whose value is undefined is not judged here: it is INCONCLUSIVE in the results file, and the
 * gate counts it there. A limit that matches no result at all is a violation of its own: a rule
 * that cannot be verified never passes silently.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Rule {

    private final List<String> slices;
    private final List<Pattern> patterns;
    private final List<Limit> limits;

    private Rule(List<String> slices, List<Limit> limits) {
        this.slices = List.copyOf(slices);
        this.patterns = this.slices.stream().map(Rule::glob).toList();
        this.limits = List.copyOf(limits);
    }

    /** A rule on the slices matching any of {@code patterns}; none means every slice ({@code *}). */
    public static Rule forSlices(List<String> patterns) {
        List<String> cleaned = new ArrayList<>();
        for (String p : patterns) {
            Objects.requireNonNull(p, "slice pattern");
            if (!p.isBlank()) {
                cleaned.add(p.trim());
            }
        }
        return new Rule(cleaned.isEmpty() ? List.of("*") : cleaned, List.of());
    }

    public static Rule forSlices(String... patterns) {
        return forSlices(List.of(patterns));
    }

    /** Splits {@code camera=*, overall} at commas. */
    public static List<String> splitPatterns(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (String part : text.split(",")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    public Rule withLimits(List<Limit> newLimits) {
        for (Limit limit : newLimits) {
            if (limit.isEmpty()) {
                throw new QualityConfigurationException("limit on " + limit.metric() + " has no minimum, maximum or "
                        + "maxRegression: expected at least one, such as <minimum>0.80</minimum>");
            }
        }
        return new Rule(slices, newLimits);
    }

    public Rule withLimits(Limit... newLimits) {
        return withLimits(List.of(newLimits));
    }

    public List<String> slices() {
        return slices;
    }

    public List<Limit> limits() {
        return limits;
    }

    /** Whether {@code slice} is one this rule selects. */
    public boolean selects(String slice) {
        return slice != null && patterns.stream().anyMatch(p -> p.matcher(slice).matches());
    }

    /** The violations of this rule in {@code entries}, in their order. */
    public List<Violation> check(List<CheckEntry> entries) {
        List<CheckEntry> selected = entries.stream().filter(e -> selects(e.slice()) && e.metric() != null).toList();
        List<Violation> violations = new ArrayList<>();
        for (Limit limit : limits) {
            List<CheckEntry> applicable = selected.stream().filter(limit::appliesTo).toList();
            if (applicable.isEmpty() || applicable.stream().noneMatch(limit::canJudge) && limit.onlyRegression()
                    && applicable.stream().anyMatch(e -> e.value() != null)) {
                violations.add(new Violation(Violation.Kind.RULE_UNMATCHED, null, unmatched(limit, entries, applicable)));
                continue;
            }
            for (CheckEntry e : applicable) {
                violations.addAll(limit.check(e));
            }
        }
        return violations;
    }

    // "Rule matched nothing for slices camera=*: no result measures recall on a slice matching camera=* (...)"
    private String unmatched(Limit limit, List<CheckEntry> entries, List<CheckEntry> applicable) {
        String selected = String.join(", ", slices);
        String why;
        if (!applicable.isEmpty()) {
            why = "no result of " + limit.metric() + " on such a slice has a baseline value to compare with";
        } else {
            String measuredOn = entries.stream().filter(e -> limit.metric().equals(e.metric()) && e.slice() != null)
                    .map(CheckEntry::slice).collect(Collectors.toCollection(TreeSet::new)).stream()
                    .collect(Collectors.joining(", "));
            String metrics = entries.stream().filter(e -> selects(e.slice()) && e.metric() != null)
                    .map(CheckEntry::metric).collect(Collectors.toCollection(TreeSet::new)).stream()
                    .collect(Collectors.joining(", "));
            why = "no result measures " + limit.metric() + " on a slice matching " + selected + " ("
                    + (measuredOn.isEmpty() ? "no slice measures " + limit.metric()
                            : limit.metric() + " is measured on " + measuredOn)
                    + "; " + (metrics.isEmpty() ? "no slice matches " + selected
                            : "the matching slices measure " + metrics) + ")";
        }
        return "Rule matched nothing for slices " + selected + ": " + why;
    }

    private static Pattern glob(String pattern) {
        StringBuilder regex = new StringBuilder();
        for (char c : pattern.toCharArray()) {
            switch (c) {
                case '*' -> regex.append(".*");
                case '?' -> regex.append('.');
                default -> regex.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }

    @Override
    public String toString() {
        return "rule on slices " + String.join(", ", slices) + ": "
                + limits.stream().map(Limit::toString).collect(Collectors.joining("; "));
    }
}
