package dev.touchstone.model.endpoint;

import static dev.touchstone.Touchstone.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.touchstone.config.QualityConfigurationException;
import dev.touchstone.assertion.error.QualityAssertionError;
import dev.touchstone.data.Dataset;
import dev.touchstone.metric.MetricValue;
import dev.touchstone.model.Model;
import dev.touchstone.model.OpenInferenceModel;
import dev.touchstone.model.endpoint.TestServer.Reply;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** latency(), errorRate() and throughput() of a model behind a real local server. */
class OperationalMetricsTest {

    @Test
    void error_rate_counts_the_failed_examples_with_their_causes_and_a_wilson_interval() throws Exception {
        // rows 4-7 (request touchstone-4) get a 400: 4 of 10 examples fail
        try (TestServer server = LanguageServer.start(id -> id.equals("touchstone-4")
                ? Reply.status(400, "{\"error\":\"bad\"}") : null)) {
            OpenInferenceModel model = OpenInferenceModelTest.model(server);
            Dataset data = OpenInferenceModelTest.sentences();

            MetricValue errors = assertThat(model).on(data).overall().errorRate().actual();

            assertThat(errors.value()).isEqualTo(0.4);
            assertThat(errors.n()).isEqualTo(10);
            assertThat(errors.interval().method()).isEqualTo("wilson");
            // Wilson 95% for 4 of 10, by the textbook formula
            double z = 1.959963984540054;
            double centre = (0.4 + z * z / 20) / (1 + z * z / 10);
            double half = z * Math.sqrt(0.4 * 0.6 / 10 + z * z / 400) / (1 + z * z / 10);
            assertThat(errors.interval().low()).isCloseTo(centre - half, within(1e-12));
            assertThat(errors.notes()).containsExactly("4 × HTTP 400");
            assertThatThrownBy(() -> assertThat(model).on(data).overall().errorRate().isAtMost(0.1))
                    .isInstanceOf(QualityAssertionError.class)
                    .hasMessageContaining("error_rate on slice overall is 0.400");
        }
    }

    @Test
    void latency_quantiles_come_from_the_answered_examples() throws Exception {
        // every request takes at least 40 ms
        try (TestServer server = TestServer.start(r -> {
            if (r.path().equals("/v2/health/ready")) {
                return Reply.status(200, "");
            }
            if (r.method().equals("GET")) {
                return Reply.ok(LanguageServer.METADATA);
            }
            return LanguageServer.infer(r.body(), id -> null).after(40);
        })) {
            OpenInferenceModel model = OpenInferenceModelTest.model(server);
            Dataset data = OpenInferenceModelTest.sentences();

            MetricValue p95 = assertThat(model).on(data).overall().latency().p95().actual();

            assertThat(p95.metric()).isEqualTo("latency_p95_ms");
            assertThat(p95.value()).isGreaterThanOrEqualTo(40.0).isLessThan(2_000.0);
            assertThat(model).on(data).overall().latency().p95().isBelow(Duration.ofSeconds(5));
            assertThatThrownBy(() -> assertThat(model).on(data).overall().latency().p50().isBelow(Duration.ofMillis(1)))
                    .isInstanceOf(QualityAssertionError.class)
                    .hasMessageContaining("latency_p50_ms");
            assertThat(assertThat(model).on(data).overall().throughput().actual().value()).isPositive();
        }
    }

    @Test
    void operational_metrics_need_a_model_behind_an_endpoint() {
        Dataset data = Dataset.builder("d").columns("label", "predicted").row("a", "a").build()
                .withLabel("label").withPrediction("predicted");
        assertThatThrownBy(() -> assertThat(Model.logged("m", data)).overall().errorRate().actual())
                .isInstanceOf(QualityConfigurationException.class)
                .hasMessageContaining("needs a model behind an endpoint");
    }
}
