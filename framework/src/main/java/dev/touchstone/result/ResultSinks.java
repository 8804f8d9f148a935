package dev.touchstone.result;

import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Where judged statements go besides the thrown error. A test engine installs a sink for the
 * check it runs (results file, report entries, Allure) and may defer failures: then a
 * statement records its result and returns, so that every statement of a check is evaluated,
 * and the engine decides the test's outcome. Without a sink, statements throw as plain
 * AssertJ assertions do.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ResultSinks {

    private record Sink(Consumer<StatementResult> consumer, Consumer<StatementResult> recorder, boolean defersFailures) {
    }

    private static final ThreadLocal<Sink> SINK = new ThreadLocal<>();

    private ResultSinks() {
    }

    /** Runs {@code action} with {@code sink} receiving every judged statement on this thread. */
    public static void runWith(Consumer<StatementResult> sink, boolean deferFailures, Runnable action) {
        runWith(sink, sink, deferFailures, action);
    }

    /**
     * As {@link #runWith(Consumer, boolean, Runnable)}, with a separate {@code recorder} that also
     * receives the values of statements that could not be judged (a comparison whose baseline is
     * missing), so that they can be recorded as the next baseline.
     */
    public static void runWith(Consumer<StatementResult> sink, Consumer<StatementResult> recorder, boolean deferFailures,
            Runnable action) {
        Sink previous = SINK.get();
        SINK.set(new Sink(sink, recorder, deferFailures));
        try {
            action.run();
        } finally {
            if (previous == null) {
                SINK.remove();
            } else {
                SINK.set(previous);
            }
        }
    }

    public static void publish(StatementResult result) {
        Sink sink = SINK.get();
        if (sink != null) {
            sink.consumer().accept(result);
            if (sink.recorder() != sink.consumer()) {
                sink.recorder().accept(result);
            }
        }
    }

    /** Values for the next baseline only, not a judged result. */
    public static void record(StatementResult result) {
        Sink sink = SINK.get();
        if (sink != null && sink.recorder() != sink.consumer()) {
            sink.recorder().accept(result);
        }
    }

    /** Whether the installed sink decides outcomes itself, so statements must not throw. */
    public static boolean defersFailures() {
        Sink sink = SINK.get();
        return sink != null && sink.defersFailures();
    }
}
