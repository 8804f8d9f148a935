package dev.touchstone.scope;

import dev.touchstone.baseline.Baselines;
import dev.touchstone.baseline.CheckId;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.config.internal.CurrentSettings;
import dev.touchstone.result.MissingBaseline;
import dev.touchstone.result.StatementResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;
import org.opentest4j.TestAbortedException;

/**
 * The explicit context of quality statements: settings, the check they belong to, where their
 * results go, and whether a statement that does not pass throws ({@link Failures#THROW}, as a
 * plain assertion) or is collected for the runner to decide ({@link Failures#COLLECT}, as the
 * engine does, so that one failing statement does not hide the next).
 *
 * <p>Statements find the scope open on their thread; without one they use a default scope:
 * settings from system properties, no check, failures thrown. A plain JUnit test that compares
 * with a recorded baseline opens a scope naming its check:
 *
 * <pre>{@code
 * try (QualityScope scope = QualityScope.forCheck("com.acme.DetectorQualityTest", "recallAtNight").open()) {
 *     assertThat(detector).onSlice("night").recall().isNotSignificantlyWorseThan(Baseline.previousRun());
 * }
 * }</pre>
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class QualityScope implements AutoCloseable {

    /** What a collecting scope hands over to whoever runs the statements. */
    public interface Listener {

        /** A judged statement, whatever its verdict. */
        void judged(StatementResult result);

        /** Values the next baseline should keep: of every judged statement, and of those that could not be judged. */
        default void recorded(StatementResult result) {
        }

        /** A comparison whose baseline has no entry for some slices (the others were judged). */
        default void missingBaseline(MissingBaseline missing) {
        }
    }

    /** What a statement that does not pass does. */
    public enum Failures {
        /** Throw an {@code AssertionError} (FAILED) or the inconclusive policy's error. */
        THROW,
        /** Hand the result to the scope's listener and return; the runner decides the test's outcome. */
        COLLECT
    }

    private static final ThreadLocal<QualityScope> OPEN = new ThreadLocal<>();

    static {
        CurrentSettings.install(() -> current().settings());
    }

    private final TouchstoneSettings settings;
    private final @Nullable CheckId check;
    private final Failures failures;
    private final Listener listener;
    private final Baselines baselines;
    private final Statements statements;
    private @Nullable QualityScope enclosing;
    private boolean open;

    private QualityScope(TouchstoneSettings settings, @Nullable CheckId check, Failures failures, Listener listener,
            Baselines baselines, Statements statements) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.check = check;
        this.failures = Objects.requireNonNull(failures, "failures");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.baselines = Objects.requireNonNull(baselines, "baselines");
        this.statements = Objects.requireNonNull(statements, "statements");
    }

    /** A scope with settings from system properties, no check, failures thrown, results nowhere. */
    public static QualityScope standalone() {
        return new QualityScope(CurrentSettings.fromSystemProperties(), null, Failures.THROW, r -> { },
                new Baselines(), new Statements());
    }

    /** A standalone scope for one check, so that comparisons with a recorded baseline find their entries. */
    public static QualityScope forCheck(String spec, String check) {
        return standalone().withCheck(new CheckId(spec, check));
    }

    /** The scope open on this thread, or a fresh {@link #standalone()} one. */
    public static QualityScope current() {
        QualityScope scope = OPEN.get();
        return scope != null ? scope : standalone();
    }

    public QualityScope withSettings(TouchstoneSettings newSettings) {
        return new QualityScope(newSettings, check, failures, listener, baselines, statements);
    }

    public QualityScope withCheck(CheckId newCheck) {
        return new QualityScope(settings, Objects.requireNonNull(newCheck, "check"), failures, listener, baselines,
                statements);
    }

    /**
     * Statements hand what they produce to {@code listener} and return, whatever the verdict:
     * judged results, values to record, and comparisons that found no baseline entry.
     */
    public QualityScope collecting(Listener newListener) {
        return new QualityScope(settings, check, Failures.COLLECT, newListener, baselines, statements);
    }

    /** As {@link #collecting(Listener)}: judged results to {@code judged}, values to record to {@code recorded}. */
    public QualityScope collecting(Consumer<StatementResult> judged, Consumer<StatementResult> recorded) {
        return collecting(new Listener() {
            @Override
            public void judged(StatementResult result) {
                judged.accept(result);
            }

            @Override
            public void recorded(StatementResult result) {
                if (recorded != judged) {
                    recorded.accept(result);
                }
            }
        });
    }

    /** Statements throw when they do not pass, after handing their result to {@code judged}. */
    public QualityScope throwing(Consumer<StatementResult> judged) {
        return new QualityScope(settings, check, Failures.THROW, judged::accept, baselines, statements);
    }

    /** Baselines are read once per {@code baselines} (the engine shares one per run). */
    public QualityScope withBaselines(Baselines shared) {
        return new QualityScope(settings, check, failures, listener, shared, statements);
    }

    /** Installs this scope on the current thread until {@link #close()}. */
    public QualityScope open() {
        if (open) {
            throw new IllegalStateException("this scope is already open");
        }
        enclosing = OPEN.get();
        OPEN.set(this);
        open = true;
        return this;
    }

    /** Runs {@code action} with this scope open. */
    public void run(Runnable action) {
        try (QualityScope ignored = open()) {
            action.run();
        }
    }

    /** Computes {@code action} with this scope open. */
    public <T> T call(java.util.function.Supplier<T> action) {
        try (QualityScope ignored = open()) {
            return action.get();
        }
    }

    @Override
    public void close() {
        if (!open) {
            return;
        }
        if (OPEN.get() != this) {
            throw new IllegalStateException("quality scopes must be closed in the reverse order of opening");
        }
        if (enclosing == null) {
            OPEN.remove();
        } else {
            OPEN.set(enclosing);
        }
        open = false;
    }

    public TouchstoneSettings settings() {
        return settings;
    }

    public Optional<CheckId> check() {
        return Optional.ofNullable(check);
    }

    /** The check, or an error that says how to name one: a recorded baseline is keyed by it. */
    public CheckId requireCheck(String why) {
        if (check == null) {
            throw new QualityConfigurationException(why + " needs to know which check the statement belongs to: run "
                    + "the spec with the touchstone engine, or open QualityScope.forCheck(\"spec\", \"check\") "
                    + "around the statement");
        }
        return check;
    }

    public Failures failures() {
        return failures;
    }

    public Baselines baselines() {
        return baselines;
    }

    /** Hands a judged statement to the scope's listener. */
    public void judged(StatementResult result) {
        listener.judged(result);
        listener.recorded(result);
    }

    /**
     * A comparison found no baseline entry for some slices. A collecting scope hands it over (and
     * its values, for the next baseline); a throwing one throws what
     * {@code touchstone.baseline.missing} asks for: an error, or a skipped test.
     */
    public void missingBaseline(MissingBaseline missing) {
        listener.recorded(missing.values());
        if (failures == Failures.COLLECT) {
            listener.missingBaseline(missing);
            return;
        }
        throw switch (settings.baselineMissing()) {
            case SKIP -> new TestAbortedException(missing.message());
            case RECORD -> new QualityConfigurationException(missing.message() + " (touchstone.baseline.missing=record "
                    + "records entries only when the specs run on the touchstone engine)");
            case FAIL -> new QualityConfigurationException(missing.message());
        };
    }

    /** Starts tracking a statement: {@code assertThat(model)}. */
    public OpenStatement begin(String text) {
        return new OpenStatement(statements, null, text);
    }

    /** Whether some statement of this scope reached an expectation, or had its values read. */
    public boolean finishedAny() {
        return statements.all().stream().anyMatch(OpenStatement::isFinished);
    }

    /**
     * Statements of this scope that were started and never finished, where their writing
     * stopped: {@code assertThat(detector).overall().accuracy() at DetectorQualityTest.java:42}.
     */
    public List<String> unfinished() {
        return OpenStatement.describe(statements.all().stream().filter(OpenStatement::isAbandoned).toList());
    }

    /** The statements started in one scope (and the copies it was made from). */
    static final class Statements {
        private final List<OpenStatement> all = new ArrayList<>();

        synchronized void add(OpenStatement statement) {
            all.add(statement);
        }

        synchronized List<OpenStatement> all() {
            return List.copyOf(all);
        }
    }
}
