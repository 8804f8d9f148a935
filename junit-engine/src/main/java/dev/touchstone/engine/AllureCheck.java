package dev.touchstone.engine;

import dev.touchstone.annotation.Severity;
import dev.touchstone.config.InconclusivePolicy;
import dev.touchstone.report.internal.AllureCases;
import dev.touchstone.report.internal.AllureKeys;
import dev.touchstone.report.internal.AllureResult;
import dev.touchstone.result.MissingBaseline;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.opentest4j.TestAbortedException;

/**
 * The Allure results of one check, in the order of its entries in {@code results.json} (which
 * gives each its key): the results of its whole-check statements, its problems and skips, and
 * per slice the results of its per-slice statements.
 *
 * @param check     what the check's own test reports
 * @param summaries each per-slice statement as a whole, for Allure's listener's test of the check
 * @param bySlice   what each slice's test reports
 */
record AllureCheck(List<AllureResult> check, List<AllureResult> summaries, Map<String, List<AllureResult>> bySlice) {

    private static final String HOST = host();

    /**
     * @param selected     whether a slice of a per-slice statement runs (a re-run may select some)
     * @param wholeChecks  whether the whole-check statements run
     * @param missing      what the comparisons without a baseline entry make of the check, if anything
     * @param missingErrors the comparisons without a baseline entry that are errors
     */
    static AllureCheck of(Class<?> spec, String checkName, Severity severity, CheckRun run, InconclusivePolicy policy,
            boolean wholeChecks, Predicate<String> selected, Optional<Throwable> missing, List<MissingBaseline> missingErrors) {
        AllureCases.Check check = new AllureCases.Check(spec.getName(), checkName, severity.label(), run.statements.size(),
                policy == InconclusivePolicy.SKIP, HOST, Thread.currentThread().getName());
        AllureKeys.Counter keys = new AllureKeys.Counter();
        List<AllureResult> own = new ArrayList<>();
        List<AllureResult> summaries = new ArrayList<>();
        Map<String, List<AllureResult>> bySlice = new LinkedHashMap<>();
        long start = run.startedAtMillis;
        for (int i = 0; i < run.statements.size(); i++) {
            StatementResult statement = run.statements.get(i);
            AllureCases.Timing timing = new AllureCases.Timing(start, start + run.durations.get(i));
            start = timing.stop();
            List<SliceResult> slices = statement.eachValue()
                    ? statement.slices().stream().filter(s -> selected.test(s.slice())).toList()
                    : wholeChecks ? statement.slices() : List.of();
            if (slices.isEmpty()) {
                continue;
            }
            List<String> sliceKeys = slices.stream().map(s -> keys.next(spec.getName(), checkName, s.slice(), s.metric(),
                    s.expectation().kind().id())).toList();
            List<AllureResult> results = AllureCases.statement(check, i, statement, slices, sliceKeys, timing);
            if (!statement.eachValue()) {
                own.addAll(results);
                continue;
            }
            summaries.add(AllureCases.summary(check, statement, slices, timing));
            for (int s = 0; s < slices.size(); s++) {
                bySlice.computeIfAbsent(slices.get(s).slice(), k -> new ArrayList<>()).add(results.get(s));
            }
        }
        AllureCases.Timing whole = new AllureCases.Timing(run.startedAtMillis, run.startedAtMillis + run.totalMillis);
        int problem = 0;
        if (run.thrown instanceof TestAbortedException aborted) {
            own.add(AllureCases.skipped(check, String.valueOf(aborted.getMessage()), whole));
        } else if (run.thrown != null) {
            own.add(AllureCases.problem(check, problem++, run.thrown instanceof AssertionError ? Verdict.FAILED
                    : Verdict.ERROR, run.thrown.getClass().getName() + ": " + run.thrown.getMessage(), trace(run.thrown),
                    whole));
        }
        for (MissingBaseline m : missingErrors) {
            own.add(AllureCases.problem(check, problem++, Verdict.ERROR, m.message(), m.message(), whole));
        }
        if (missing.isPresent() && missing.get() instanceof TestAbortedException skipped) {
            own.add(AllureCases.skipped(check, String.valueOf(skipped.getMessage()), whole));
        }
        return new AllureCheck(own, summaries, bySlice);
    }

    private static String trace(Throwable thrown) {
        StringWriter text = new StringWriter();
        thrown.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    private static String host() {
        String name = System.getenv("HOSTNAME");
        if (name != null && !name.isBlank()) {
            return name;
        }
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException | SecurityException e) {
            return "localhost";
        }
    }
}
