package dev.touchstone.engine;

import dev.touchstone.internal.text.Printable;
import dev.touchstone.result.Evidence;
import dev.touchstone.result.SliceResult;
import dev.touchstone.wording.Wording;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * The facts of each judged slice as JUnit report entries ({@code touchstone.*} keys), which
 * every JUnit Platform tool can show (Surefire's XML, IDEs, console launcher), in the words and
 * digits of every other output.
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
        Evidence e = Evidence.of(slice);
        Map<String, String> facts = new LinkedHashMap<>();
        facts.put("touchstone.model", Printable.escape(slice.model()));
        facts.put("touchstone.dataset", Printable.escape(slice.dataset()));
        facts.put("touchstone.slice", Printable.escape(slice.slice()));
        facts.put("touchstone.metric", Printable.escape(slice.metric()));
        facts.put("touchstone.value", Wording.value(e));
        facts.put("touchstone.n", Long.toString(slice.value().n()));
        facts.put("touchstone.interval", Wording.intervalWithMethod(e));
        facts.put("touchstone.expectation", Printable.escape(Wording.expected(e)));
        if (e.baseline() != null) {
            facts.put("touchstone.difference", Wording.delta(e));
            facts.put("touchstone.pValue", Wording.pValue(e));
        }
        facts.put("touchstone.verdict", slice.verdict().name());
        return facts;
    }
}
