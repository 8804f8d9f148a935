package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static dev.touchstone.assertion.DslTestData.binary;
import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.config.TouchstoneSettings;
import dev.touchstone.scope.QualityScope;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import dev.touchstone.stats.Interval;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Every random draw comes from the seed and the statement: the same inputs give the same
 * bootstrap interval bit for bit, another seed gives another one. Each evaluation uses a fresh
 * {@link Model} so that nothing is served from a cache.
 */
class ReproducibilityTest {

    /** tp 40, fn 10, fp 6, tn 44: F1 = 80 / 96, a bootstrap interval. */
    static final Dataset DATA = binary("repro", 40, 10, 6, 44);

    static Interval f1Interval(TouchstoneSettings settings) {
        return QualityScope.standalone().withSettings(settings).call(() -> {
            MetricValue f1 = assertThat(Model.logged("m", DATA)).overall().f1().actual();
            assertThat(f1.interval().method()).startsWith("bootstrap");
            return f1.interval();
        });
    }

    static <T> T with(long seed, Supplier<T> action) {
        return QualityScope.standalone().withSettings(TouchstoneSettings.defaults().withSeed(seed)).call(action);
    }

    @Test
    void the_same_seed_gives_the_same_interval_bit_for_bit() {
        Interval first = f1Interval(TouchstoneSettings.defaults());
        Interval second = f1Interval(TouchstoneSettings.defaults());

        assertThat(second.low()).isEqualTo(first.low());
        assertThat(second.high()).isEqualTo(first.high());
        assertThat(first.low()).isLessThan(80.0 / 96).isGreaterThan(0.6);
        assertThat(first.high()).isGreaterThan(80.0 / 96).isLessThan(1.0);
    }

    @Test
    void another_seed_gives_another_interval() {
        Interval at42 = f1Interval(TouchstoneSettings.defaults());
        Interval at7 = f1Interval(TouchstoneSettings.defaults().withSeed(7));

        assertThat(at7.low() != at42.low() || at7.high() != at42.high())
                .as("seed 7 %s vs seed 42 %s", at7, at42).isTrue();
        // the same sampling distribution all the same
        assertThat(Math.abs(at7.low() - at42.low())).isLessThan(0.02);
        assertThat(Math.abs(at7.high() - at42.high())).isLessThan(0.02);
    }

    @Test
    void the_seed_of_the_settings_in_force_is_used() {
        Interval viaRunWith = with(7, () -> assertThat(Model.logged("m", DATA)).overall().f1().actual().interval());

        assertThat(viaRunWith).isEqualTo(f1Interval(TouchstoneSettings.defaults().withSeed(7)));
    }

    @Test
    void the_interval_does_not_depend_on_what_was_evaluated_before() {
        // GIVEN one model evaluated on other metrics and slices before f1
        Model busy = Model.logged("m", DATA);
        QualityScope.standalone().withSettings(TouchstoneSettings.defaults()).call(() -> {
            assertThat(busy).overall().mcc().actual();
            assertThat(busy).overall().cohenKappa().actual();
            assertThat(busy).onSlice("label=1").accuracy().actual();
            assertThat(busy).overall().f1().macro().actual();
            return null;
        });

        // WHEN f1 is asked of it and of a fresh model
        Interval afterOthers = QualityScope.standalone().withSettings(TouchstoneSettings.defaults()).call(() -> assertThat(busy).overall().f1().actual().interval());
        Interval fresh = f1Interval(TouchstoneSettings.defaults());

        // THEN they are identical
        assertThat(afterOthers).isEqualTo(fresh);
    }

    @Test
    void the_interval_of_a_renamed_dataset_does_not_depend_on_what_was_evaluated_before() {
        // GIVEN one model evaluated on the data under the name "first", then under "second"
        Model model = Model.logged("m", DATA);
        Interval second = QualityScope.standalone().withSettings(TouchstoneSettings.defaults()).call(() -> {
            assertThat(model).on(DATA.withName("first")).overall().f1().actual();
            return assertThat(model).on(DATA.withName("second")).overall().f1().actual().interval();
        });

        // WHEN a fresh model is evaluated on "second" alone
        Interval alone = QualityScope.standalone().withSettings(TouchstoneSettings.defaults()).call(() -> assertThat(Model.logged("m", DATA)).on(DATA.withName("second")).overall().f1().actual()
                        .interval());

        // THEN the statement about "second" gives the same interval either way
        assertThat(second).isEqualTo(alone);
    }

    @Test
    void the_number_of_resamples_comes_from_the_settings() {
        Interval few = f1Interval(TouchstoneSettings.defaults().withResamples(200));
        Interval many = f1Interval(TouchstoneSettings.defaults());

        assertThat(few).isNotEqualTo(many);
        assertThat(few).isEqualTo(f1Interval(TouchstoneSettings.defaults().withResamples(200)));
    }
}
