package dev.touchstone.engine;

import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.assertion.internal.CallSite;
import dev.touchstone.assertion.internal.QualityMessages;
import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.Evidence;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.wording.Wording;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * The judged statements behind one test (a check, or one slice of it) and the test outcome
 * they imply: the worst verdict wins. The error's message is one line (what a summary of
 * failures, such as Surefire's "Results:", lists); its evidence, printed with it, names every
 * statement that did not pass, once: a statement whose slices are tests of their own
 * ({@code onEachSliceOf}) lists its slices one line each, and each slice's test carries that
 * slice's evidence. Its stack trace is the statement's call site in the spec, nothing below.
 *
 * @param spec                   the spec class's name, where the trace is cut
 * @param slicesReportThemselves whether {@code onEachSliceOf} statements have a test per slice
 */
record CheckOutcome(List<StatementResult> statements, InconclusivePolicy policy, String spec,
        boolean slicesReportThemselves) {

    CheckOutcome {
        statements = List.copyOf(statements);
    }

    List<SliceResult> slices() {
        List<SliceResult> all = new ArrayList<>();
        statements.forEach(s -> all.addAll(s.slices()));
        return all;
    }

    Verdict verdict() {
        Verdict worst = Verdict.PASSED;
        for (StatementResult statement : statements) {
            worst = worst.worst(statement.verdict());
        }
        return worst;
    }

    Optional<Throwable> failure() {
        List<StatementResult> notPassed = statements.stream().filter(s -> s.verdict() != Verdict.PASSED).toList();
        if (notPassed.isEmpty()) {
            return Optional.empty();
        }
        String summary;
        StringBuilder details = new StringBuilder();
        if (notPassed.size() == 1) {
            summary = summary(notPassed.get(0));
            details.append(details(notPassed.get(0)));
        } else {
            String count = notPassed.size() + " of " + statements.size() + " statements did not pass";
            summary = count + "; the first: " + summary(notPassed.get(0));
            details.append(count);
            for (StatementResult statement : notPassed) {
                details.append(System.lineSeparator()).append(System.lineSeparator()).append(details(statement));
            }
        }
        List<SliceResult> slices = new ArrayList<>();
        notPassed.forEach(s -> slices.addAll(s.slices()));
        StatementResult combined = new StatementResult(Optional.empty(), slices);
        List<StackTraceElement> at = CallSite.within(notPassed.get(0).callSite(), spec);
        Throwable error;
        if (verdict() == Verdict.FAILED) {
            error = new QualityAssertionError(summary, details.toString(), combined);
        } else if (policy == InconclusivePolicy.SKIP) {
            error = new TestAbortedException(details.toString());
        } else {
            error = new InconclusiveQualityError(summary, details.toString(), combined);
        }
        return Optional.of(CallSite.at(error, at));
    }

    // One line: the slice's headline, or the heading of a statement over several slices.
    private static String summary(StatementResult statement) {
        String prefix = statement.description().map(d -> "[" + Printable.escape(d) + "] ").orElse("");
        if (statement.slices().size() == 1) {
            return prefix + Wording.headline(Evidence.of(statement.slices().get(0)));
        }
        return prefix + QualityMessages.heading(statement);
    }

    private String details(StatementResult statement) {
        return slicesReportThemselves && statement.eachValue() ? QualityMessages.slicesOnly(statement)
                : QualityMessages.summary(statement);
    }
}
