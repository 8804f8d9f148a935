package dev.touchstone.assertion.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.result.ComparisonResult;
import dev.touchstone.stats.Interval;
import dev.touchstone.stats.internal.NormalQuantiles;
import dev.touchstone.stats.internal.Power;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** How many of the model's examples would decide a non-inferiority comparison. */
class ComparisonExamplesTest {

    static final double Z = NormalQuantiles.z(0.95);

    static ComparisonResult comparison(boolean paired, double seModel, double seReference) {
        double se = Math.sqrt(seModel * seModel + (paired ? 0 : seReference * seReference));
        Interval interval = new Interval(-0.01 - Z * se, -0.01 + Z * se, 0.95, "newcombe");
        return new ComparisonResult("previous-run", 0.9, 200, paired, "", -0.01, interval, "score-2indep", 0, 0.5, 0.5,
                0.05, null, "", Double.NaN, 0.02, true, 0.8, Power.normal(se), 1, paired ? Double.NaN : seReference);
    }

    @Test
    void unpaired_when_the_reference_alone_is_too_uncertain_no_number_decides() {
        // GIVEN the reference's own ±1.96 · 0.02 = ±0.039 exceeds the distance 0.01 to the tolerance
        ComparisonResult c = comparison(false, 0.01, 0.02);
        // THEN no number of the model's examples makes the interval clear −0.02
        assertThat(ComparisonJudge.examplesToDecide(c, 1000, 0.01)).isEmpty();
    }

    @Test
    void unpaired_only_the_models_share_of_the_error_shrinks() {
        // GIVEN model se 0.02 at 1,000 examples, reference se 0.002, distance 0.01
        ComparisonResult c = comparison(false, 0.02, 0.002);
        // THEN z·√(0.02² · 1000/n + 0.002²) = 0.01 → n = 1000 · 0.02² / ((0.01/z)² − 0.002²)
        double expected = Math.ceil(1000 * 0.0004 / (Math.pow(0.01 / Z, 2) - 0.000004));
        OptionalLong needed = ComparisonJudge.examplesToDecide(c, 1000, 0.01);
        assertThat(needed).hasValue((long) expected);
        // the paired rule of thumb would ignore the reference's share and say fewer
        OptionalLong naive = ComparisonJudge.examplesToDecide(comparison(true, Math.sqrt(0.0004 + 0.000004), 0), 1000, 0.01);
        assertThat(naive.getAsLong()).isLessThan(needed.getAsLong());
    }

    @Test
    void paired_both_sides_shrink_together() {
        ComparisonResult c = comparison(true, 0.02, Double.NaN);
        double half = Z * 0.02;
        assertThat(ComparisonJudge.examplesToDecide(c, 1000, 0.01))
                .hasValue((long) Math.ceil(1000 * Math.pow(half / 0.01, 2)));
    }
}
