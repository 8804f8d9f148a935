package dev.touchstone.scope;

import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;
import org.jspecify.annotations.Nullable;

/**
 * A quality statement being written, stage by stage ({@code assertThat(model)}, a slice, a
 * metric), until it reaches an expectation or its values are read, which finishes it and every
 * stage it grew from. A stage nobody finished is a statement without an expectation, such as
 * {@code accuracy().withConfidence(0.95);}: a bug in the spec, which the scope reports.
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2")
public final class OpenStatement {

    // the DSL's own classes, whose frames are skipped to find the line of the spec that wrote the statement
    private static final Set<String> DSL = Set.of("dev.touchstone.scope.QualityScope", "dev.touchstone.scope.OpenStatement",
            "dev.touchstone.Touchstone");

    private final QualityScope.Statements registry;
    private final @Nullable OpenStatement parent;
    private final String text;
    private final String where;
    private volatile boolean finished;
    private volatile boolean grown;

    OpenStatement(QualityScope.Statements registry, @Nullable OpenStatement parent, String text) {
        this.registry = registry;
        this.parent = parent;
        this.text = Objects.requireNonNull(text, "text");
        this.where = StackWalker.getInstance().walk(frames -> frames
                .filter(f -> !isDsl(f.getClassName()))
                .findFirst()
                .map(f -> f.getFileName() + ":" + f.getLineNumber())
                .orElse("?"));
        if (parent != null) {
            parent.grown = true;
        }
        registry.add(this);
    }

    private static boolean isDsl(String className) {
        int nested = className.indexOf('$');
        return className.startsWith("dev.touchstone.assertion.")
                || DSL.contains(nested < 0 ? className : className.substring(0, nested));
    }

    /** The next stage of this statement, such as the metric after the slices: {@code .recall()}. */
    public OpenStatement then(String stage) {
        return new OpenStatement(registry, this, text + stage);
    }

    /** The statement reached an expectation, or its values were read. */
    public void finish() {
        for (OpenStatement s = this; s != null; s = s.parent) {
            s.finished = true;
        }
    }

    boolean isFinished() {
        return finished;
    }

    /** Unfinished and never grown further: where the writing stopped. */
    boolean isAbandoned() {
        return !finished && !grown;
    }

    /** {@code assertThat(detector).onSlice(night).recall() at DetectorQualityTest.java:42}. */
    @Override
    public String toString() {
        return text + " at " + where;
    }

    static List<String> describe(List<OpenStatement> statements) {
        return statements.stream().map(OpenStatement::toString).toList();
    }
}
