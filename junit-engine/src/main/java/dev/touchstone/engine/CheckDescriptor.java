package dev.touchstone.engine;

import dev.touchstone.annotation.QualityCheck;
import dev.touchstone.annotation.Severity;
import dev.touchstone.baseline.CheckId;
import dev.touchstone.config.MissingBaselinePolicy;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.result.CheckEntry;
import dev.touchstone.result.MissingBaseline;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.scope.QualityScope;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;
import org.opentest4j.TestAbortedException;

/**
 * A {@code @QualityCheck} method. Running it evaluates every statement (failures are deferred,
 * so one failing statement does not hide the next), records them in the results file, registers
 * one dynamic child per slice of each {@code onEachSliceOf} statement, and fails if any
 * statement did not pass.
 */
final class CheckDescriptor extends AbstractTestDescriptor implements Node<QualityExecutionContext> {

    private final Class<?> specClass;
    private final Method method;
    private boolean wholeSelected;
    private final Set<String> selectedSlices = new LinkedHashSet<>();

    CheckDescriptor(UniqueId uniqueId, Class<?> specClass, Method method) {
        super(uniqueId, method.getName() + "()", MethodSource.from(specClass, method));
        this.specClass = specClass;
        this.method = method;
    }

    Severity severity() {
        QualityCheck check = method.getAnnotation(QualityCheck.class);
        return check == null ? Severity.NORMAL : check.severity();
    }

    /** The whole check was selected: run every slice. */
    void selectWhole() {
        wholeSelected = true;
    }

    /** Only some slices were selected (a re-run of a slice's unique ID). */
    void selectSlice(String slice) {
        selectedSlices.add(slice);
    }

    private boolean runsEverything() {
        return wholeSelected || selectedSlices.isEmpty();
    }

    @Override
    public Type getType() {
        return Type.CONTAINER_AND_TEST;
    }

    @Override
    public String getLegacyReportingName() {
        return method.getName();
    }

    @Override
    public boolean mayRegisterTests() {
        return true;
    }

    private CheckRun run;

    /**
     * Runs the check method once and keeps what it produced: called ahead of execution when
     * p-values must be adjusted over a whole spec or run, otherwise by {@link #execute}.
     */
    CheckRun evaluate(QualityExecutionContext context) {
        if (run != null) {
            return run;
        }
        TouchstoneSettings settings = context.configuration().settings();
        List<StatementResult> statements = new ArrayList<>();
        List<StatementResult> recorded = new ArrayList<>();
        List<MissingBaseline> missing = new ArrayList<>();
        List<Long> durations = new ArrayList<>();
        long start = System.nanoTime();
        long startedAtMillis = System.currentTimeMillis();
        long[] last = {start};
        Throwable thrown = null;
        QualityScope scope = QualityScope.standalone().withSettings(settings)
                .withCheck(new CheckId(specClass.getName(), method.getName()))
                .withBaselines(context.collector().baselines())
                .collecting(new QualityScope.Listener() {
                    @Override
                    public void judged(StatementResult result) {
                        long now = System.nanoTime();
                        statements.add(result);
                        durations.add(TimeUnit.NANOSECONDS.toMillis(now - last[0]));
                        last[0] = now;
                    }

                    @Override
                    public void recorded(StatementResult result) {
                        recorded.add(result);
                    }

                    @Override
                    public void missingBaseline(MissingBaseline m) {
                        missing.add(m);
                    }
                });
        try {
            scope.run(() -> ReflectionSupport.invokeMethod(method, context.specInstance()));
        } catch (Throwable t) {
            thrown = t;
        }
        if (thrown == null) {
            thrown = specProblem(scope).orElse(null);
        }
        run = new CheckRun(statements, recorded, missing, durations, thrown,
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start), startedAtMillis);
        return run;
    }

    // A check that judges nothing would pass: with no statement, or one that never reaches an
    // expectation (`accuracy().withConfidence(0.95);`). Both are bugs in the spec.
    private Optional<QualityConfigurationException> specProblem(QualityScope scope) {
        String check = specClass.getSimpleName() + "." + method.getName();
        List<String> unfinished = scope.unfinished();
        if (!unfinished.isEmpty()) {
            return Optional.of(new QualityConfigurationException("check " + check + " has "
                    + (unfinished.size() == 1 ? "a statement" : unfinished.size() + " statements")
                    + " without an expectation, so nothing is judged: " + String.join("; ", unfinished)
                    + ". End " + (unfinished.size() == 1 ? "it" : "each") + " with an expectation such as "
                    + "isAbove(0.9), isAtMost(0.1) or isNotSignificantlyWorseThan(Baseline.previousRun())"));
        }
        if (!scope.finishedAny()) {
            return Optional.of(new QualityConfigurationException("check " + check + " makes no quality statement, so "
                    + "nothing is judged: a @QualityCheck asserts something, such as "
                    + "assertThat(model).overall().accuracy().isAbove(0.9)"));
        }
        return Optional.empty();
    }

    @Override
    public QualityExecutionContext execute(QualityExecutionContext context, DynamicTestExecutor executor) throws Exception {
        TouchstoneSettings settings = context.configuration().settings();
        CheckRun done = evaluate(context);
        List<StatementResult> statements = done.statements;
        List<Long> durations = done.durations;
        Throwable thrown = done.thrown;
        context.collector().record(new CheckId(specClass.getName(), method.getName()), done.recorded);
        List<StatementResult> judged = new ArrayList<>();
        Map<String, List<StatementResult>> bySlice = new LinkedHashMap<>();
        List<CheckEntry> entries = new ArrayList<>();
        for (int i = 0; i < statements.size(); i++) {
            StatementResult statement = statements.get(i);
            long duration = durations.get(i);
            if (!statement.eachValue()) {
                if (runsEverything()) {
                    judged.add(statement);
                    statement.slices().forEach(s -> entries.add(entry(getUniqueId(), s, duration)));
                    ReportEntries.publish(context, this, statement.slices());
                }
                continue;
            }
            List<SliceResult> kept = new ArrayList<>();
            for (SliceResult slice : statement.slices()) {
                if (runsEverything() || selectedSlices.contains(slice.slice())) {
                    kept.add(slice);
                    bySlice.computeIfAbsent(slice.slice(), k -> new ArrayList<>())
                            .add(statement.withSlices(List.of(slice)));
                    entries.add(entry(QualityUniqueIds.slice(getUniqueId(), slice.slice()), slice, duration));
                }
            }
            if (!kept.isEmpty()) {
                judged.add(statement.withSlices(kept));
            }
        }
        long total = done.totalMillis;
        // A skipped check (an assumption, or a missing baseline under touchstone.baseline.missing=skip)
        // has no quality result: test reports show it as skipped, with its reason.
        if (thrown != null && !(thrown instanceof TestAbortedException)) {
            entries.add(problemEntry(thrown, total));
        }
        MissingBaselinePolicy missingPolicy = settings.baselineMissing();
        for (MissingBaseline missing : done.missing) {
            if (missingPolicy == MissingBaselinePolicy.FAIL) {
                entries.add(CheckEntry.error(getUniqueId().toString(), specClass.getName(), method.getName(),
                        missing.message(), total));
            } else if (missingPolicy == MissingBaselinePolicy.RECORD) {
                context.collector().toRecord(missing);
            }
        }
        context.collector().add(entries);
        ConsoleReport.judged(specClass.getSimpleName() + "." + method.getName(), judged);
        AllureCheck allure = allure(context, done, missingPolicy);

        MethodSource source = (MethodSource) getSource().orElseThrow();
        int index = 0;
        for (Map.Entry<String, List<StatementResult>> slice : bySlice.entrySet()) {
            SliceDescriptor child = new SliceDescriptor(QualityUniqueIds.slice(getUniqueId(), slice.getKey()),
                    slice.getKey(), ++index, method.getName(), source,
                    new CheckOutcome(slice.getValue(), settings.inconclusive(), specClass.getName(), false),
                    allure.bySlice().getOrDefault(slice.getKey(), List.of()));
            addChild(child);
            executor.execute(child);
        }
        executor.awaitFinished();
        context.allure().checkDone();

        if (thrown != null) {
            throw SliceDescriptor.sneaky(thrown);
        }
        Optional<Throwable> missing = missingOutcome(done.missing, missingPolicy);
        Optional<Throwable> failure = new CheckOutcome(judged, settings.inconclusive(), specClass.getName(), true)
                .failure();
        if (failure.isPresent()) {
            missing.ifPresent(failure.get()::addSuppressed);
            throw SliceDescriptor.sneaky(failure.get());
        }
        if (missing.isPresent()) {
            throw SliceDescriptor.sneaky(missing.get());
        }
        return context;
    }

    // The check's Allure results, reported now (its slices report theirs when they run).
    private AllureCheck allure(QualityExecutionContext context, CheckRun done, MissingBaselinePolicy missingPolicy) {
        if (!context.allure().enabled()) {
            return new AllureCheck(List.of(), List.of(), Map.of());
        }
        AllureCheck allure = AllureCheck.of(specClass, method.getName(), severity(), done,
                context.configuration().settings().inconclusive(), runsEverything(),
                slice -> runsEverything() || selectedSlices.contains(slice), missingOutcome(done.missing, missingPolicy),
                missingPolicy == MissingBaselinePolicy.FAIL ? done.missing : List.of());
        context.allure().sources(done.statements);
        context.allure().report(allure.check(), allure.summaries());
        return allure;
    }

    // What comparisons without a baseline entry make of the check: an error that says how to
    // record them, or a skipped test that says they were skipped, or recorded.
    private static Optional<Throwable> missingOutcome(List<MissingBaseline> missing, MissingBaselinePolicy policy) {
        if (missing.isEmpty()) {
            return Optional.empty();
        }
        String messages = missing.stream().map(MissingBaseline::message).collect(Collectors.joining("; "));
        return Optional.of(switch (policy) {
            case FAIL -> new QualityConfigurationException(messages);
            case SKIP -> new TestAbortedException(messages);
            case RECORD -> new TestAbortedException("recorded by this run, as there was nothing to compare with: "
                    + missing.stream().map(m -> String.join(", ", m.keys()) + " in "
                            + m.directory().toAbsolutePath().normalize()).collect(Collectors.joining("; ")));
        });
    }

    private CheckEntry entry(UniqueId id, SliceResult slice, long durationMillis) {
        return CheckEntry.of(id.toString(), specClass.getName(), method.getName(), slice, durationMillis);
    }

    // A check that stopped before its statements were judged: a broken setup is an ERROR; an
    // assertion of the user's own (not a Touchstone statement) is a failure.
    private CheckEntry problemEntry(Throwable thrown, long durationMillis) {
        String message = thrown.getClass().getName() + ": " + thrown.getMessage();
        if (thrown instanceof AssertionError) {
            return new CheckEntry(getUniqueId().toString(), specClass.getName(), method.getName(), null, null, null,
                    null, null, null, null, null, null, null, dev.touchstone.result.Verdict.FAILED, message,
                    durationMillis);
        }
        return CheckEntry.error(getUniqueId().toString(), specClass.getName(), method.getName(), message, durationMillis);
    }
}
