package dev.touchstone.engine;

import dev.touchstone.assertion.internal.ComparisonJudge;
import dev.touchstone.result.MissingBaseline;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import java.util.ArrayList;
import java.util.List;

/**
 * What running a check method produced: its judged statements (in order, with how long each
 * took), the comparisons that found no baseline entry, and what it threw, if anything (or what
 * is wrong with the check itself: no statement, or one without an expectation). Mutable only
 * while p-values are adjusted over a family.
 */
final class CheckRun {

    final List<StatementResult> statements;
    /** Everything whose values the next baseline should keep (judged or not). */
    final List<StatementResult> recorded;
    final List<MissingBaseline> missing;
    final List<Long> durations;
    final Throwable thrown;
    final long totalMillis;
    /** When the check began, in epoch milliseconds: the start of its first statement in reports. */
    final long startedAtMillis;

    CheckRun(List<StatementResult> statements, List<StatementResult> recorded, List<MissingBaseline> missing,
            List<Long> durations, Throwable thrown, long totalMillis, long startedAtMillis) {
        this.statements = new ArrayList<>(statements);
        this.recorded = List.copyOf(recorded);
        this.missing = List.copyOf(missing);
        this.durations = List.copyOf(durations);
        this.thrown = thrown;
        this.totalMillis = totalMillis;
        this.startedAtMillis = startedAtMillis;
    }

    /** The p-values of significance tests, in a stable order, for a family adjustment. */
    List<double[]> pValues() {
        List<double[]> all = new ArrayList<>();
        for (StatementResult statement : statements) {
            for (SliceResult slice : statement.slices()) {
                if (isSignificanceTest(slice)) {
                    all.add(new double[] {slice.comparison().get().pValue()});
                }
            }
        }
        return all;
    }

    static boolean isSignificanceTest(SliceResult slice) {
        return slice.comparison().isPresent() && switch (slice.expectation().kind()) {
            case NOT_SIGNIFICANTLY_WORSE_THAN, SIGNIFICANTLY_BETTER_THAN -> true;
            default -> false;
        };
    }

    /** Replaces the adjusted p-values, in the order of {@link #pValues()}, and judges again. */
    int rejudge(double[] adjusted, int from, String multiplicity, String family, int familySize) {
        int next = from;
        for (int s = 0; s < statements.size(); s++) {
            StatementResult statement = statements.get(s);
            List<SliceResult> slices = new ArrayList<>();
            for (SliceResult slice : statement.slices()) {
                slices.add(isSignificanceTest(slice)
                        ? ComparisonJudge.rejudge(slice, adjusted[next++], multiplicity, family, familySize) : slice);
            }
            statements.set(s, statement.withSlices(slices));
        }
        return next;
    }
}
