package dev.touchstone.engine;

import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.SliceResult;
import dev.touchstone.stats.Interval;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * The facts of each judged slice as JUnit report entries ({@code touchstone.*} keys), which
 * every JUnit Platform tool can show (Surefire's XML, IDEs, console launcher).
 */
final class ReportEntries {

    private ReportEntries() {
    }

    static void publish(QualityExecutionContext context, TestDescriptor descriptor, List<SliceResult> slices) {
        for (SliceResult slice : slices) {
            context.listener().reportingEntryPublished(descriptor, ReportEntry.from(facts(slice)));
        }
    }

    static Map<String, String> facts(SliceResult slice) {
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("touchstone.model", Printable.escape(slice.model()));
        facts.put("touchstone.dataset", Printable.escape(slice.dataset()));
        facts.put("touchstone.slice", Printable.escape(slice.slice()));
        facts.put("touchstone.metric", Printable.escape(slice.metric()));
        facts.put("touchstone.value", slice.value().isDefined() ? Double.toString(slice.value().value()) : "undefined");
        facts.put("touchstone.n", Long.toString(slice.value().n()));
        Interval ci = slice.value().interval();
        facts.put("touchstone.interval", ci.isDefined()
                ? String.format(Locale.ROOT, "%s [%.6f, %.6f] %s", level(ci.level()), ci.low(), ci.high(), ci.method())
                : level(ci.level()) + " undefined");
        facts.put("touchstone.expectation", slice.expectation().describe(3));
        facts.put("touchstone.verdict", slice.verdict().name());
        return facts;
    }

    private static String level(double level) {
        return Math.round(level * 1000) / 10.0 + "%";
    }
}
