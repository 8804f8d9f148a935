package dev.touchstone.scope;

import dev.touchstone.baseline.Baselines;
import dev.touchstone.baseline.CheckId;
import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.config.internal.CurrentSettings;
import dev.touchstone.result.StatementResult;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

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
    private final Consumer<StatementResult> judged;
    private final Consumer<StatementResult> recorded;
    private final Baselines baselines;
    private @Nullable QualityScope enclosing;
    private boolean open;

    private QualityScope(TouchstoneSettings settings, @Nullable CheckId check, Failures failures,
            Consumer<StatementResult> judged, Consumer<StatementResult> recorded, Baselines baselines) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.check = check;
        this.failures = Objects.requireNonNull(failures, "failures");
        this.judged = Objects.requireNonNull(judged, "judged");
        this.recorded = Objects.requireNonNull(recorded, "recorded");
        this.baselines = Objects.requireNonNull(baselines, "baselines");
    }

    /** A scope with settings from system properties, no check, failures thrown, results nowhere. */
    public static QualityScope standalone() {
        return new QualityScope(CurrentSettings.fromSystemProperties(), null, Failures.THROW, r -> { }, r -> { },
                new Baselines());
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
        return new QualityScope(newSettings, check, failures, judged, recorded, baselines);
    }

    public QualityScope withCheck(CheckId newCheck) {
        return new QualityScope(settings, Objects.requireNonNull(newCheck, "check"), failures, judged, recorded,
                baselines);
    }

    /**
     * Statements hand their results to {@code judged} and return, whatever the verdict; the
     * values of statements that could not be judged (a missing baseline) go to {@code recorded}
     * too, so that they can become the next baseline.
     */
    public QualityScope collecting(Consumer<StatementResult> judged, Consumer<StatementResult> recorded) {
        return new QualityScope(settings, check, Failures.COLLECT, judged, recorded, baselines);
    }

    /** Statements throw when they do not pass, after handing their result to {@code judged}. */
    public QualityScope throwing(Consumer<StatementResult> judged) {
        return new QualityScope(settings, check, Failures.THROW, judged, recorded, baselines);
    }

    /** Baselines are read once per {@code baselines} (the engine shares one per run). */
    public QualityScope withBaselines(Baselines shared) {
        return new QualityScope(settings, check, failures, judged, recorded, shared);
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

    /** Hands a judged statement to the scope's listeners. */
    public void judged(StatementResult result) {
        judged.accept(result);
        if (recorded != judged) {
            recorded.accept(result);
        }
    }

    /** Hands the values of a statement that could not be judged over, for the next baseline only. */
    public void recordOnly(StatementResult result) {
        if (recorded != judged) {
            recorded.accept(result);
        }
    }
}
