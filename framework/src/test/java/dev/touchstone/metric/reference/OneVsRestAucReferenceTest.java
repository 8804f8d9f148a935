package dev.touchstone.metric.reference;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.assertion.OneVsRestMetricAssert;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One-vs-rest ROC AUC and multi-class log loss on data with a probability per class, against
 * scikit-learn's {@code roc_auc_score(multi_class="ovr")} and {@code log_loss}; data and values from
 * {@code generate_ovr_auc_reference.py}
 * in {@code src/test/resources/reference/ovr/}.
 */
class OneVsRestAucReferenceTest {

    private static final Path DIR = dir();
    static final Dataset DATA = Dataset.fromCsv(DIR.resolve("scores.csv")).withLabel("label").withPrediction("label")
            .withClassScore("bird", "p_bird").withClassScore("cat", "p_cat").withClassScore("dog", "p_dog");
    static final Model MODEL = Model.logged("ovr", DATA);

    record Expected(String slice, String metric, double value, double bootstrapSe) {
        @Override
        public String toString() {
            return metric + " on " + slice;
        }
    }

    static Stream<Expected> expected() throws IOException {
        List<String> lines = Files.readAllLines(DIR.resolve("expected.csv"));
        return lines.stream().skip(1).map(line -> line.split(",")).map(f -> new Expected(f[0], f[1], number(f[2]),
                number(f[3])));
    }

    private static double number(String text) {
        return text.equals("nan") ? Double.NaN : Double.parseDouble(text);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("expected")
    void matches_scikit_learn(Expected row) {
        MetricValue actual = statement(row).actual();
        if (row.metric().equals("log_loss")) {
            // multi-class log loss from the same per-class probability columns
            assertThat(actual.isDefined()).isTrue();
            assertThat(actual.value()).isCloseTo(row.value(), within(1e-9));
            return;
        }

        assertThat(actual.metric()).isEqualTo(row.metric());
        if (Double.isNaN(row.value())) {
            // scikit-learn raises: a class is absent from the slice
            assertThat(actual.isDefined()).as("defined: %s", actual.undefinedReason()).isFalse();
            return;
        }
        assertThat(actual.isDefined()).as("undefined: %s", actual.undefinedReason()).isTrue();
        assertThat(actual.value()).isCloseTo(row.value(), within(1e-9));
        assertThat(actual.interval().low()).isLessThanOrEqualTo(actual.value());
        assertThat(actual.interval().high()).isGreaterThanOrEqualTo(actual.value());
        if (!Double.isNaN(row.bootstrapSe())) {
            double se = actual.interval().width() / (2 * 1.959963984540054);
            // a rough independent check of the variance: within 20% of a 4000-resample bootstrap
            assertThat(se).isCloseTo(row.bootstrapSe(), within(0.2 * row.bootstrapSe()));
        }
    }

    @Test
    void one_class_against_the_rest_equals_the_binary_auc_of_its_own_score(@TempDir Path dir) throws IOException {
        // GIVEN the same rows with the label reduced to cat / other
        List<String> lines = Files.readAllLines(DIR.resolve("scores.csv"));
        StringBuilder csv = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            String[] f = line.split(",", -1);
            f[1] = f[1].equals("cat") ? "cat" : "other";
            csv.append(String.join(",", f)).append('\n');
        }
        Files.writeString(dir.resolve("binary.csv"), csv);
        Dataset binary = Dataset.fromCsv(dir.resolve("binary.csv")).withLabel("label").withPrediction("label")
                .withScore("p_cat").withPositiveClass("cat");
        MetricValue viaOvr = assertThat(MODEL).overall().rocAuc().forClass("cat").actual();
        MetricValue viaBinary = assertThat(Model.logged("binary", binary)).overall().rocAuc().actual();

        assertThat(viaOvr.value()).isEqualTo(viaBinary.value());
        assertThat(viaOvr.interval().low()).isEqualTo(viaBinary.interval().low());
    }

    @Test
    void multi_class_log_loss_without_a_probability_per_class_says_what_to_declare() {
        Dataset labelsOnly = Dataset.fromCsv(DIR.resolve("scores.csv")).withLabel("label").withPrediction("label");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> assertThat(Model.logged("m", labelsOnly)).overall()
                .logLoss().actual()).hasMessageContaining("needs a probability for every class")
                .hasMessageContaining("withClassScore(");
    }

    @Test
    void multi_class_log_loss_compares_two_models_pair_by_pair() {
        // the same rows with the class columns swapped round: a worse log loss on the same examples
        Dataset flat = DATA.withClassScore("bird", "p_cat").withClassScore("cat", "p_dog")
                .withClassScore("dog", "p_bird");
        Model scrambled = Model.logged("scrambled", flat);
        var results = new java.util.ArrayList<dev.touchstone.result.StatementResult>();
        dev.touchstone.scope.QualityScope.standalone().collecting(results::add, r -> { }).run(() ->
                assertThat(scrambled).overall().logLoss().isNotSignificantlyWorseThan(MODEL));
        var comparison = results.get(0).slices().get(0).comparison().orElseThrow();
        assertThat(comparison.paired()).isTrue();
        assertThat(comparison.difference()).isPositive();
        assertThat(results.get(0).verdict()).isEqualTo(dev.touchstone.result.Verdict.FAILED);
    }

    private static dev.touchstone.assertion.AbstractMetricAssert<?> statement(Expected row) {
        var model = row.slice().equals("overall") ? assertThat(MODEL).overall() : assertThat(MODEL).onSlice(row.slice());
        if (row.metric().equals("log_loss")) {
            return model.logLoss();
        }
        OneVsRestMetricAssert auc = model.rocAuc();
        String metric = row.metric();
        if (metric.equals("roc_auc(macro)")) {
            return auc.macro();
        }
        if (metric.equals("roc_auc(weighted)")) {
            return auc.weighted();
        }
        return auc.forClass(metric.substring("roc_auc(class=".length(), metric.length() - 1));
    }

    private static Path dir() {
        try {
            return Path.of(OneVsRestAucReferenceTest.class.getResource("/reference/ovr/expected.csv").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
