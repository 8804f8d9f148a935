package dev.touchstone.engine;

import dev.touchstone.internal.text.Printable;
import dev.touchstone.report.internal.AllureResult;
import java.util.List;
import java.util.Optional;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.engine.support.hierarchical.Node;

/**
 * One slice of an {@code onEachSliceOf} statement, registered while its check runs. It carries
 * the verdict its check already judged: execution only reports it.
 */
final class SliceDescriptor extends AbstractTestDescriptor implements Node<QualityExecutionContext> {

    private final String legacyName;
    private final CheckOutcome outcome;
    private final List<AllureResult> allure;

    /**
     * @param index the slice's 1-based position in its check: the legacy name ends with it, as
     *              Jupiter's parameterized tests do, because that is what makes Surefire's XML
     *              report use the legacy name ({@code everyCamera[camera=front][1]}) instead of
     *              the bare method name
     */
    SliceDescriptor(UniqueId uniqueId, String slice, int index, String methodName, MethodSource source,
            CheckOutcome outcome, List<AllureResult> allure) {
        super(uniqueId, Printable.escape(slice), source); // the unique ID keeps the name as it is
        this.legacyName = methodName + "[" + Printable.escape(slice) + "][" + index + "]";
        this.outcome = outcome;
        this.allure = List.copyOf(allure);
    }

    @Override
    public Type getType() {
        return Type.TEST;
    }

    @Override
    public String getLegacyReportingName() {
        return legacyName;
    }

    @Override
    public QualityExecutionContext execute(QualityExecutionContext context, DynamicTestExecutor executor) throws Exception {
        ReportEntries.publish(context, this, outcome.slices());
        context.allure().report(allure, List.of());
        Optional<Throwable> failure = outcome.failure();
        if (failure.isPresent()) {
            throw sneaky(failure.get());
        }
        return context;
    }

    static Exception sneaky(Throwable t) throws Exception {
        if (t instanceof Exception e) {
            throw e;
        }
        if (t instanceof Error e) {
            throw e;
        }
        throw new IllegalStateException(t);
    }
}
