package dev.touchstone.engine;

import dev.touchstone.stats.internal.Multiplicity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.platform.engine.TestDescriptor;

/**
 * Multiplicity control over a spec or a whole run: evaluates every check of the family first
 * (their methods run once, ahead of reporting), adjusts all significance-test p-values together,
 * and judges those slices again before any verdict is reported.
 */
final class Families {

    private Families() {
    }

    static void adjust(TestDescriptor root, QualityExecutionContext context) {
        List<CheckRun> runs = new ArrayList<>();
        collect(root, context, runs);
        List<Double> raw = new ArrayList<>();
        for (CheckRun run : runs) {
            run.pValues().forEach(p -> raw.add(p[0]));
        }
        if (raw.isEmpty()) {
            return;
        }
        var settings = context.configuration().settings();
        double[] adjusted = Multiplicity.adjust(raw.stream().mapToDouble(Double::doubleValue).toArray(),
                Multiplicity.Method.valueOf(settings.multiplicity().name()));
        String method = settings.multiplicity().name().toLowerCase(Locale.ROOT);
        String family = (root instanceof SpecDescriptor spec ? "spec " + spec.specClass().getName() : "the run")
                + " (" + raw.size() + " comparisons)";
        int next = 0;
        for (CheckRun run : runs) {
            next = run.rejudge(adjusted, next, method, family, raw.size());
        }
    }

    private static void collect(TestDescriptor node, QualityExecutionContext context, List<CheckRun> runs) {
        if (node instanceof CheckDescriptor check) {
            runs.add(check.evaluate(context));
            return;
        }
        QualityExecutionContext inner = node instanceof SpecDescriptor spec ? context.withSpecInstance(spec.instance())
                : context;
        for (TestDescriptor child : node.getChildren()) {
            collect(child, inner, runs);
        }
    }
}
