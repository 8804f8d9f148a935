package dev.touchstone.gate;

import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.RunResults;
import dev.touchstone.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * The quality gate of a run: every FAILED or ERROR result is a violation, an INCONCLUSIVE one
 * too under the fail policy (under skip it is only reported), and so is every limit of a POM
 * rule a slice misses, a rule that matches nothing, and more INCONCLUSIVE results than
 * {@code maxInconclusive}. The gate passes when there is no check error and at most
 * {@code maxAllowedViolations} violations.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1")
public final class Gate {

    private Gate() {
    }

    public static GateReport evaluate(RunResults results, GateOptions options) {
        List<Violation> violations = new ArrayList<>();
        List<Violation> notices = new ArrayList<>();
        for (CheckEntry e : results.checks()) {
            switch (e.verdict()) {
                case ERROR -> violations.add(new Violation(Violation.Kind.CHECK_ERROR, e, GateMessages.check(e)));
                case FAILED -> violations.add(new Violation(Violation.Kind.FAILED_CHECK, e, GateMessages.check(e)));
                case INCONCLUSIVE -> (options.inconclusive() == InconclusivePolicy.FAIL ? violations : notices)
                        .add(new Violation(Violation.Kind.INCONCLUSIVE_CHECK, e, GateMessages.check(e)));
                case PASSED -> {
                }
            }
        }
        for (Rule rule : options.rules()) {
            violations.addAll(rule.check(results.checks()));
        }
        long inconclusive = results.count(Verdict.INCONCLUSIVE);
        if (options.maxInconclusive().isPresent() && inconclusive > options.maxInconclusive().getAsInt()) {
            violations.add(new Violation(Violation.Kind.TOO_MANY_INCONCLUSIVE, null,
                    "Rule violated for the run: " + Numbers.plural(inconclusive, "result is", "results are")
                            + " inconclusive, but expected at most " + options.maxInconclusive().getAsInt()
                            + " (maxInconclusive)"));
        }
        return new GateReport(results, options, violations, notices,
                options.baseline().flatMap(dir -> BaselineCoverage.of(results, dir, options.filteredRun())));
    }
}
