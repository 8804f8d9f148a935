package dev.touchstone.wording;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.result.CheckEntry.BaselineEntry;
import dev.touchstone.result.CheckEntry.DifferenceEntry;
import dev.touchstone.result.CheckEntry.ExpectationEntry;
import dev.touchstone.result.CheckEntry.IntervalEntry;
import dev.touchstone.result.CheckEntry.TestEntry;
import dev.touchstone.result.Evidence;
import dev.touchstone.result.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14 item 6: a FAILED message ends with what to do about it; other verdicts do not get one. */
class NextStepTest {

    static Evidence threshold(Verdict verdict) {
        return new Evidence("detector-v7", "detections", "night", "hour < 6 or hour >= 20", "recall", 0.8735, null, 1650L,
                new IntervalEntry(0.95, 0.8462, 0.8969, "wilson"), new ExpectationEntry("above", 0.9, null, 0, null),
                null, null, null, null, verdict, "the estimate 0.873 is not above 0.900", null, List.of(), null);
    }

    static Evidence comparedWith(String source, Verdict verdict) {
        return new Evidence("detector", "detections", "camera=side", null, "recall", 0.76, null, 100L,
                new IntervalEntry(0.95, 0.6642, 0.8349, "wilson"),
                new ExpectationEntry("not_significantly_worse_than", null, null, 0, null),
                new BaselineEntry(source, 0.9, 100L, true, "the same 100 examples (by id) as the baseline"),
                new DifferenceEntry(-0.14, 0.95, -0.2313, -0.0487, "tango", true),
                new TestEntry("mcnemar-exact", 14.0, 0.0078, 0.023, 0.05, "holm", "recall on 3 slices", "worse"),
                null, verdict, "significantly worse", null, List.of(), null);
    }

    @Test
    void a_failed_bound_points_at_the_slice_definition() {
        String message = Wording.message(threshold(Verdict.FAILED));
        assertThat(last(message)).isEqualTo("  next step: inspect detector-v7's examples in slice night "
                + "(hour < 6 or hour >= 20) of detections; change the bound only if above 0.900 is not what is needed");
    }

    @Test
    void a_failed_comparison_with_a_recorded_baseline_gives_the_command_that_records_a_new_one() {
        assertThat(last(Wording.message(comparedWith("previous-run", Verdict.FAILED)))).endsWith(
                "if the change is intended, make this run the baseline: mvn touchstone:baseline "
                        + "-Dtouchstone.baseline.force=true; if not, inspect detector's examples in slice camera=side "
                        + "of detections");
        assertThat(last(Wording.message(comparedWith("named:release-1.2", Verdict.FAILED))))
                .contains("mvn touchstone:baseline -Dtouchstone.baseline.name=release-1.2 -Dtouchstone.baseline.force=true");
        assertThat(last(Wording.message(comparedWith("model:champion", Verdict.FAILED)))).endsWith(
                "next step : inspect detector's examples in slice camera=side of detections where they differ from "
                        + "model:champion");
    }

    @Test
    void passed_and_inconclusive_statements_get_no_next_step() {
        assertThat(Wording.message(threshold(Verdict.PASSED))).doesNotContain("next step");
        assertThat(Wording.message(comparedWith("previous-run", Verdict.INCONCLUSIVE))).doesNotContain("next step")
                .contains("to decide");
    }

    @Test
    void the_comparison_message_labels_its_p_value_and_keeps_its_digits() {
        String message = Wording.message(comparedWith("previous-run", Verdict.FAILED));
        assertThat(message).startsWith("recall on slice camera=side is 0.760, expected not significantly worse than "
                + "previous-run 0.900: FAILED");
        assertThat(message).contains("difference: -0.140 (model − reference), 95% [-0.232, -0.048] tango")
                .contains("test      : mcnemar-exact: p(worse) = 0.0078, holm-adjusted 0.023 over recall on 3 slices, "
                        + "α = 0.05");
        assertThat(Wording.line(comparedWith("previous-run", Verdict.FAILED))).isEqualTo("recall 0.760 95% [0.664, 0.835], "
                + "expected not significantly worse than previous-run 0.900, Δ -0.140, p(worse)=0.023 holm");
    }

    private static String last(String message) {
        List<String> lines = message.lines().toList();
        return lines.get(lines.size() - 1);
    }
}
