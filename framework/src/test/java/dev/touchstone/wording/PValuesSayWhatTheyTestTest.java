package dev.touchstone.wording;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.model.Model;
import dev.touchstone.result.Evidence;
import dev.touchstone.result.SliceResult;
import dev.touchstone.result.StatementResult;
import dev.touchstone.result.Verdict;
import dev.touchstone.scope.QualityScope;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Issue 14 item 3: the p-value next to a verdict is the one of the hypothesis that decided it,
 * labelled. The case the issue saw: a model compared with itself (as on the first run after
 * recording a baseline) passes non-inferiority; its p-value must not be the test of "worse"
 * ({@code 1.000}), which contradicts the verdict.
 */
class PValuesSayWhatTheyTestTest {

    /** 600 examples, the champion right on 90%; the challenger predicts exactly as the champion. */
    static Dataset data() {
        DatasetBuilder b = Dataset.builder("frames").columns("id", "label", "champion", "challenger");
        for (int i = 0; i < 600; i++) {
            String label = i % 2 == 0 ? "yes" : "no";
            String prediction = i < 540 ? label : label.equals("yes") ? "no" : "yes";
            b.row("f" + i, label, prediction, prediction);
        }
        return b.build().withId("id").withLabel("label").withPositiveClass("yes");
    }

    static final Dataset DATA = data();
    static final Model CHAMPION = Model.logged("champion", DATA.withPrediction("champion"));
    static final Model SAME = Model.logged("challenger", DATA.withPrediction("challenger"));

    private static SliceResult judge(Runnable statement) {
        List<StatementResult> results = new ArrayList<>();
        QualityScope.current().collecting(results::add, r -> { }).run(statement);
        return results.get(0).slices().get(0);
    }

    @Test
    void a_passed_non_inferiority_shows_the_small_p_of_non_inferior_not_the_large_p_of_worse() {
        SliceResult same = judge(() -> assertThat(SAME).overall().accuracy().withConfidence(0.95).withTolerance(0.02)
                .isNotWorseThan(CHAMPION));

        assertThat(same.verdict()).isEqualTo(Verdict.PASSED);
        Evidence e = Evidence.of(same);
        assertThat(e.test().hypothesis()).isEqualTo("non-inferior");
        assertThat(e.test().pValue()).isLessThan(0.025);
        assertThat(Wording.pValue(e)).startsWith("p(non-inferior)=").doesNotContain("1.000");
        assertThat(same.message()).contains("p(non-inferior) = ").doesNotContain("p = 1.0");
    }

    @Test
    void not_significantly_worse_shows_the_p_of_worse_and_significantly_better_the_p_of_better() {
        SliceResult notWorse = judge(() -> assertThat(SAME).overall().accuracy().isNotSignificantlyWorseThan(CHAMPION));
        SliceResult better = judge(() -> assertThat(SAME).overall().accuracy().isSignificantlyBetterThan(CHAMPION));

        assertThat(notWorse.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(Wording.pValue(Evidence.of(notWorse))).startsWith("p(worse)=");
        assertThat(better.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(Wording.pValue(Evidence.of(better))).startsWith("p(better)=");
        // a FAILED comparison says what to do about it
        assertThat(better.message()).containsPattern("next step *: keep the reference, or show the gain on more examples");
    }
}
