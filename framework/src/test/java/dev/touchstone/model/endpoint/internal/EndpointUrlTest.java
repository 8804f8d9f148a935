package dev.touchstone.model.endpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.touchstone.model.Model;
import java.net.URI;
import org.junit.jupiter.api.Test;

/** The one parser of endpoint URLs: what it accepts, and messages that name the URL and the adapter. */
class EndpointUrlTest {

    static final String ADAPTER = "Model.openInference";
    static final String EXAMPLE = "http://localhost:8080";

    @Test
    void a_base_url_loses_trailing_slashes_and_keeps_its_path() {
        assertThat(EndpointUrl.base(" http://127.0.0.1:8080/ ", ADAPTER, EXAMPLE))
                .isEqualTo(URI.create("http://127.0.0.1:8080"));
        assertThat(EndpointUrl.base("https://models.example.com/serving//", ADAPTER, EXAMPLE))
                .isEqualTo(URI.create("https://models.example.com/serving"));
    }

    @Test
    void a_request_url_is_sent_as_given_query_included() {
        assertThat(EndpointUrl.request("http://127.0.0.1:8080/predict/?v=2", "Model.http", EXAMPLE))
                .isEqualTo(URI.create("http://127.0.0.1:8080/predict/?v=2"));
    }

    @Test
    void a_missing_url_names_the_adapter_and_the_likely_cause() {
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.base(null, ADAPTER, EXAMPLE))
                .withMessage("Model.openInference: an endpoint URL is required but was null (is the property or "
                        + "variable that should hold it set?)");
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.request("  ", "Model.http", EXAMPLE))
                .withMessage("Model.http: an endpoint URL is required but was blank (is the property or variable "
                        + "that should hold it set?)");
    }

    @Test
    void a_url_without_http_or_a_host_names_the_url_the_adapter_and_an_example() {
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.base("localhost:8080", ADAPTER, EXAMPLE))
                .withMessage("Model.openInference: an endpoint URL needs http:// or https:// and a host, as in "
                        + "http://localhost:8080; got 'localhost:8080'");
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.base("ftp://host/x", "Model.tfServing",
                "http://localhost:8501")).withMessage("Model.tfServing: an endpoint URL needs http:// or https:// "
                        + "and a host, as in http://localhost:8501; got 'ftp://host/x'");
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.request("http:///predict", "Model.http",
                "http://localhost:8080/predict")).withMessageStartingWith("Model.http: an endpoint URL needs http://")
                .withMessageEndingWith("got 'http:///predict'");
    }

    @Test
    void text_that_is_not_a_url_is_named_and_its_cause_kept() {
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.base("http://host:80 80", ADAPTER, EXAMPLE))
                .withMessage("Model.openInference: not a URL: 'http://host:80 80'")
                .withCauseInstanceOf(java.net.URISyntaxException.class);
    }

    @Test
    void credentials_in_the_url_are_refused_and_never_shown() {
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.base("http://user:pw-123@host:8080", ADAPTER,
                EXAMPLE)).withMessage("Model.openInference: an endpoint URL must not carry credentials; use "
                        + "bearerToken(Secret) or header(String, Secret); got 'http://***@host:8080'");
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.request("https://key-42@host/p?x=1",
                "Model.http", EXAMPLE)).withMessageContaining("must not carry credentials")
                .withMessageEndingWith("got 'https://***@host/p?…'")
                .withMessageNotContaining("key-42");
        // unparseable, with a password: still not shown
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.base("http://u:p w@host", ADAPTER, EXAMPLE))
                .withMessage("Model.openInference: not a URL: 'http://***@host'");
    }

    @Test
    void a_base_url_has_no_query_or_fragment_and_a_request_url_no_fragment() {
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.base("http://host:8080/?api_key=s3cr3t",
                ADAPTER, EXAMPLE)).withMessage("Model.openInference: a base URL must not carry a query or a fragment, "
                        + "as in http://localhost:8080; got 'http://host:8080/?…'");
        assertThatIllegalArgumentException().isThrownBy(() -> EndpointUrl.request("http://host/predict#top",
                "Model.http", "http://localhost:8080/predict")).withMessage("Model.http: an endpoint URL must not "
                        + "carry a fragment, as in http://localhost:8080/predict; got 'http://host/predict#…'");
    }

    @Test
    void every_adapter_parses_its_url_here_and_is_named_in_the_message() {
        assertThatIllegalArgumentException().isThrownBy(() -> Model.openInference("localhost:8080", "m"))
                .withMessageStartingWith("Model.openInference: ").withMessageContaining("got 'localhost:8080'");
        assertThatIllegalArgumentException().isThrownBy(() -> Model.tfServing("localhost:8501", "m"))
                .withMessageStartingWith("Model.tfServing: ").withMessageContaining("as in http://localhost:8501");
        assertThatIllegalArgumentException().isThrownBy(() -> Model.openAiChat("localhost:11434", "m"))
                .withMessageStartingWith("Model.openAiChat: ").withMessageContaining("as in http://localhost:11434");
        assertThatIllegalArgumentException().isThrownBy(() -> Model.http("localhost:8080/predict"))
                .withMessageStartingWith("Model.http: ").withMessageContaining("got 'localhost:8080/predict'");
    }

    @Test
    void messages_show_a_url_without_user_info_query_or_fragment() {
        assertThat(EndpointUrl.safe(URI.create("https://u:p@host:8443/v2/models/m?key=1#f")))
                .isEqualTo("https://host:8443/v2/models/m");
        assertThat(EndpointUrl.shown("http://u:p@host/a@b?k=v")).isEqualTo("http://***@host/a@b?…");
        assertThat(EndpointUrl.shown("user:secret@host")).isEqualTo("***@host");
        assertThat(EndpointUrl.segment("my model/v1")).isEqualTo("my%20model%2Fv1");
    }
}
