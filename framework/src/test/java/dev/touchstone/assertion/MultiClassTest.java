package dev.touchstone.assertion;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.data.Dataset;
import dev.touchstone.data.DatasetBuilder;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import java.util.function.Function;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Per-class metrics on multi-class and binary data: averaging choices, classes, positive class. */
class MultiClassTest {

    /**
     * Confusion (true → predicted): cat→cat 4, cat→dog 1, dog→dog 3, dog→cat 1, bird→bird 1,
     * bird→cat 1. Recall: cat 4/5, dog 3/4, bird 1/2. Precision: cat 4/6, dog 3/4, bird 1/1.
     * Camera "front" holds only cats and dogs, all predicted right; "rear" holds the rest.
     */
    static final Dataset ANIMALS = animals();

    private static Dataset animals() {
        DatasetBuilder b = Dataset.builder("animals").columns("label", "predicted", "camera");
        rows(b, 3, "cat", "cat", "front");
        rows(b, 1, "cat", "cat", "rear");
        rows(b, 1, "cat", "dog", "rear");
        rows(b, 2, "dog", "dog", "front");
        rows(b, 1, "dog", "dog", "rear");
        rows(b, 1, "dog", "cat", "rear");
        rows(b, 1, "bird", "bird", "rear");
        rows(b, 1, "bird", "cat", "rear");
        return b.build().withLabel("label").withPrediction("predicted");
    }

    private static void rows(DatasetBuilder b, int times, String label, String predicted, String camera) {
        for (int i = 0; i < times; i++) {
            b.row(label, predicted, camera);
        }
    }

    static Model model() {
        return Model.logged("zoo", ANIMALS);
    }

    static double value(Function<SliceAssert, MetricAssert> metric) {
        return metric.apply(assertThat(model()).overall()).actual().value();
    }

    @Nested
    class Averaging {

        @Test
        void macro_is_the_plain_mean_over_classes() {
            assertThat(value(s -> s.recall().macro())).isCloseTo((0.8 + 0.75 + 0.5) / 3, within(1e-12));
            assertThat(value(s -> s.precision().macro())).isCloseTo((4.0 / 6 + 0.75 + 1.0) / 3, within(1e-12));
        }

        @Test
        void micro_pools_the_counts() {
            assertThat(value(s -> s.recall().micro())).isCloseTo(8.0 / 11, within(1e-12));
            assertThat(value(s -> s.precision().micro())).isCloseTo(8.0 / 11, within(1e-12));
        }

        @Test
        void weighted_weighs_by_true_support() {
            assertThat(value(s -> s.recall().weighted())).isCloseTo((5 * 0.8 + 4 * 0.75 + 2 * 0.5) / 11, within(1e-12));
            assertThat(value(s -> s.precision().weighted()))
                    .isCloseTo((5 * 4.0 / 6 + 4 * 0.75 + 2 * 1.0) / 11, within(1e-12));
        }

        @Test
        void forClass_is_one_class_against_the_rest() {
            assertThat(value(s -> s.recall().forClass("dog"))).isCloseTo(0.75, within(1e-12));
            assertThat(value(s -> s.precision().forClass("bird"))).isCloseTo(1.0, within(1e-12));
            assertThat(value(s -> s.precision().forClass("cat"))).isCloseTo(4.0 / 6, within(1e-12));
        }

        @Test
        void averaged_metric_names_carry_the_averaging() {
            assertThat(assertThat(model()).overall().f1().macro().actual().metric()).isEqualTo("f1(macro)");
            assertThat(assertThat(model()).overall().recall().forClass("cat").actual().metric())
                    .isEqualTo("recall(class=cat)");
        }

        @Test
        void accuracy_needs_no_averaging() {
            assertThat(value(SliceAssert::accuracy)).isCloseTo(8.0 / 11, within(1e-12));
        }

        @ParameterizedTest(name = "{0}")
        @CsvSource({"precision", "recall", "f1", "specificity", "fbeta"})
        void a_per_class_metric_without_an_averaging_choice_fails_pointing_to_macro(String metric) {
            assertThatThrownBy(() -> {
                SliceAssert overall = assertThat(model()).overall();
                ClassMetricAssert statement = switch (metric) {
                    case "precision" -> overall.precision();
                    case "recall" -> overall.recall();
                    case "f1" -> overall.f1();
                    case "specificity" -> overall.specificity();
                    default -> overall.fBeta(2);
                };
                statement.isAbove(0.1);
            })
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("3 classes")
                    .hasMessageContaining("macro()");
        }

        @Test
        void an_unknown_class_fails_listing_the_classes() {
            assertThatThrownBy(() -> assertThat(model()).overall().recall().forClass("fish").isAbove(0.1))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'fish'")
                    .hasMessageContaining("[bird, cat, dog]");
        }

        /**
         * A slice is judged as if it were the whole data (scikit-learn on the slice's rows):
         * camera=front has only cats and dogs, all right, so its macro recall is 1, not 2/3.
         */
        @Test
        void macro_on_a_slice_averages_over_the_classes_of_the_slice() {
            MetricValue front = assertThat(model()).onSlice("camera=front").recall().macro().actual();

            assertThat(front.value()).isCloseTo(1.0, within(1e-12));
        }

        @Test
        void macro_precision_on_a_slice_averages_over_the_classes_of_the_slice() {
            MetricValue front = assertThat(model()).onSlice("camera=front").precision().macro().actual();

            assertThat(front.value()).isCloseTo(1.0, within(1e-12));
        }
    }

    @Nested
    class Notes {

        /** Labels a, b, c; "c" is never predicted and "z" is predicted once but is no label. */
        static final Dataset ODD = Dataset.builder("odd").columns("label", "predicted")
                .row("a", "a").row("a", "a").row("b", "b").row("b", "z").row("c", "a").row("c", "b").row("c", "b")
                .build().withLabel("label").withPrediction("predicted");

        @Test
        void a_class_never_predicted_and_a_class_never_in_labels_are_noted() {
            MetricValue accuracy = assertThat(Model.logged("m", ODD)).overall().accuracy().actual();

            assertThat(accuracy.notes())
                    .anySatisfy(n -> assertThat(n).contains("'c'").contains("never predicted").contains("3"))
                    .anySatisfy(n -> assertThat(n).contains("'z'").contains("never occurs in labels"));
        }

        @Test
        void notes_appear_in_the_message() {
            QualityAssertionError error = assertThrows(QualityAssertionError.class,
                    () -> assertThat(Model.logged("m", ODD)).overall().recall().macro().isAbove(0.9));

            assertThat(error.getMessage().lines().filter(l -> l.trim().startsWith("note")))
                    .anySatisfy(l -> assertThat(l).contains("'c'").contains("never predicted"))
                    .anySatisfy(l -> assertThat(l).contains("'z'").contains("never occurs in labels"));
        }

        @Test
        void macro_counts_the_predicted_only_class_as_scikit_learn_does() {
            // classes a, b, c, z: recall a 2/2, b 1/2, c 0/3, z 0 (no true z) -> 1.5 / 4
            assertThat(assertThat(Model.logged("m", ODD)).overall().recall().macro().actual().value())
                    .isCloseTo(1.5 / 4, within(1e-12));
        }

        @Test
        void clean_data_has_no_notes() {
            assertThat(assertThat(Model.logged("m", DslTestData.binary("b", 3, 1, 1, 3))).overall().accuracy().actual()
                    .notes()).isEmpty();
        }
    }

    @Nested
    class PositiveClass {

        static Dataset petsWithoutPositive() {
            return Dataset.builder("pets").columns("label", "predicted")
                    .row("cat", "cat").row("cat", "dog").row("dog", "dog").row("dog", "dog").build()
                    .withLabel("label").withPrediction("predicted");
        }

        @Test
        void binary_text_labels_without_a_positive_class_ask_for_one() {
            assertThatThrownBy(() -> assertThat(Model.logged("m", petsWithoutPositive())).overall().recall().isAbove(0.1))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("withPositiveClass")
                    .hasMessageContaining("[cat, dog]");
        }

        @Test
        void score_metrics_ask_for_a_positive_class_too() {
            Dataset scored = Dataset.builder("pets").columns("label", "predicted", "score")
                    .row("cat", "cat", 0.2).row("dog", "dog", 0.9).build()
                    .withLabel("label").withPrediction("predicted").withScore("score");

            assertThatThrownBy(() -> assertThat(Model.logged("m", scored)).overall().rocAuc().isAbove(0.1))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("withPositiveClass");
        }

        @Test
        void the_chosen_positive_class_decides_recall() {
            Model cat = Model.logged("m", petsWithoutPositive().withPositiveClass("cat"));
            Model dog = Model.logged("m", petsWithoutPositive().withPositiveClass("dog"));

            assertThat(assertThat(cat).overall().recall().actual().value()).isEqualTo(0.5);  // 1 of 2 cats
            assertThat(assertThat(dog).overall().recall().actual().value()).isEqualTo(1.0);  // 2 of 2 dogs
            assertThat(assertThat(dog).overall().precision().actual().value()).isCloseTo(2.0 / 3, within(1e-12));
        }

        @Test
        void accuracy_needs_no_positive_class() {
            assertThat(assertThat(Model.logged("m", petsWithoutPositive())).overall().accuracy().actual().value())
                    .isEqualTo(0.75);
        }

        @Test
        void labels_zero_and_one_make_one_the_positive_class() {
            // 8 of 10 ones found, 1 false alarm among 10 zeros
            Model model = Model.logged("m", DslTestData.binary("01", 8, 2, 1, 9));

            assertThat(assertThat(model).overall().recall().actual().value()).isEqualTo(0.8);
            assertThat(assertThat(model).overall().precision().actual().value()).isCloseTo(8.0 / 9, within(1e-12));
            assertThat(assertThat(model).overall().specificity().actual().value()).isEqualTo(0.9);
        }

        @ParameterizedTest(name = "{0}/{1}")
        @CsvSource({"false, true", "no, yes", "0, 1", "FALSE, TRUE"})
        void conventional_binary_labels_infer_the_positive_class(String negative, String positive) {
            Dataset data = Dataset.builder("b").columns("label", "predicted")
                    .row(positive, positive).row(positive, negative).row(negative, negative).build()
                    .withLabel("label").withPrediction("predicted");

            assertThat(assertThat(Model.logged("m", data)).overall().recall().actual().value()).isEqualTo(0.5);
        }

        @Test
        void a_positive_class_that_does_not_occur_fails_naming_it() {
            Model model = Model.logged("m", petsWithoutPositive().withPositiveClass("person"));

            assertThatThrownBy(() -> assertThat(model).overall().recall().isAbove(0.1))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'person'")
                    .hasMessageContaining("[cat, dog]");
        }

        @Test
        void a_positive_class_that_does_not_occur_fails_even_for_accuracy() {
            // no row is silently judged under a misspelled positive class
            Model model = Model.logged("m", petsWithoutPositive().withPositiveClass("person"));

            assertThatThrownBy(() -> assertThat(model).overall().accuracy().isAbove(0.1))
                    .isInstanceOf(QualityConfigurationException.class)
                    .hasMessageContaining("'person'");
        }
    }
}
