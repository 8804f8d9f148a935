package dev.touchstone.engine;

import dev.touchstone.assertion.error.InconclusiveQualityError;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.assertion.internal.QualityErrors;
import dev.touchstone.assertion.internal.QualityMessages;
import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.opentest4j.TestAbortedException;

/**
 * The judged statements behind one test (a check, or one slice of it) and the test outcome
 * they imply: the worst verdict wins; every statement that did not pass is in the message.
 */
record CheckOutcome(List<StatementResult> statements, InconclusivePolicy policy) {

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
        if (notPassed.size() == 1) {
            return QualityErrors.toThrowable(notPassed.get(0), policy);
        }
        StringBuilder message = new StringBuilder();
        message.append(notPassed.size()).append(" of ").append(statements.size()).append(" statements did not pass");
        List<SliceResult> slices = new ArrayList<>();
        for (StatementResult statement : notPassed) {
            message.append(System.lineSeparator()).append(System.lineSeparator()).append(QualityMessages.summary(statement));
            slices.addAll(statement.slices());
        }
        StatementResult combined = new StatementResult(Optional.empty(), slices);
        if (verdict() == Verdict.FAILED) {
            return Optional.of(new QualityAssertionError(message.toString(), combined));
        }
        return Optional.of(policy == InconclusivePolicy.SKIP
                ? new TestAbortedException(message.toString())
                : new InconclusiveQualityError(message.toString(), combined));
    }
}
