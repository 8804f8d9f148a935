package dev.touchstone.result;

import java.util.function.Consumer;
import org.apiguardian.api.API;

/**
 * Where judged statements go besides the thrown error: a test engine installs a sink for the
 * check it runs (results file, report entries, Allure). Without one, results only go to the
 * error message.
 */
@API(status = API.Status.INTERNAL, since = "0.1")
public final class ResultSinks {

    private static final InheritableThreadLocal<Consumer<StatementResult>> SINK = new InheritableThreadLocal<>();

    private ResultSinks() {
    }

    /** Installs {@code sink} on this thread; returns the previous one so it can be restored. */
    public static Consumer<StatementResult> install(Consumer<StatementResult> sink) {
        Consumer<StatementResult> previous = SINK.get();
        if (sink == null) {
            SINK.remove();
        } else {
            SINK.set(sink);
        }
        return previous;
    }

    public static void publish(StatementResult result) {
        Consumer<StatementResult> sink = SINK.get();
        if (sink != null) {
            sink.accept(result);
        }
    }
}
