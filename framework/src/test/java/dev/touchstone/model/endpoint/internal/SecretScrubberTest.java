package dev.touchstone.model.endpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.touchstone.model.endpoint.SecretForms;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every text the client produces is blanked of its secrets before it is cut or shown. */
class SecretScrubberTest {

    static final String TOKEN = "tk-0123456789abcdef";

    @Test
    void a_bearer_header_blanks_both_the_header_value_and_the_token_alone() {
        SecretScrubber scrubber = new SecretScrubber(List.of("Bearer " + TOKEN, "key-42"));

        assertThat(scrubber.scrub("sent 'Bearer " + TOKEN + "', token " + TOKEN + ", key key-42"))
                .isEqualTo("sent '***', token ***, key ***");
        assertThat(scrubber.scrub("nothing secret")).isEqualTo("nothing secret");
    }

    @Test
    void a_secret_that_contains_another_is_blanked_whole() {
        SecretScrubber scrubber = new SecretScrubber(List.of("abc", "xxabcxx"));

        assertThat(scrubber.scrub("[xxabcxx] [abc]")).isEqualTo("[***] [***]");
    }

    @Test
    void an_excerpt_is_scrubbed_before_it_is_cut_so_no_part_of_a_secret_survives() {
        SecretScrubber scrubber = new SecretScrubber(List.of(TOKEN));
        // the token straddles the 200th character
        String body = "x".repeat(185) + TOKEN + " and more";

        String excerpt = scrubber.excerpt(body);

        assertThat(excerpt).isEqualTo("'" + "x".repeat(185) + "*** and more'");
        assertThat(excerpt).doesNotContain(TOKEN.substring(0, 5));
        assertThat(scrubber.excerpt("  \n ")).isEqualTo("empty");
        assertThat(scrubber.excerpt("a\n\n  b")).isEqualTo("'a b'");
        assertThat(new SecretScrubber(List.of()).excerpt("y".repeat(250))).isEqualTo("'" + "y".repeat(200) + "…'");
    }

    @Test
    void exception_messages_are_scrubbed() {
        SecretScrubber scrubber = new SecretScrubber(List.of("Bearer " + TOKEN));

        assertThat(scrubber.message(new IOException("header was Bearer " + TOKEN)))
                .isEqualTo("IOException: header was ***");
        assertThat(scrubber.message(new IllegalStateException())).isEqualTo("IllegalStateException");
    }

    // ---- every form a server may echo (issue 12, item 1) ----

    static final String SLASHED = "tk/9f8e+7d6c=5b4a/very-secret";

    @Test
    void every_echoed_form_of_a_bearer_token_is_blanked_whole() {
        SecretScrubber scrubber = new SecretScrubber(List.of("Bearer " + SLASHED));

        for (Map.Entry<String, String> form : SecretForms.of(SLASHED).entrySet()) {
            String echoed = "{\"error\":\"token " + form.getValue() + " is not valid\"}";
            String scrubbed = scrubber.scrub(echoed);

            assertThat(scrubbed).as(form.getKey()).contains("***").startsWith("{\"error\":\"token ")
                    .endsWith(" is not valid\"}");
            for (Map.Entry<String, String> trace : SecretForms.traces(SLASHED).entrySet()) {
                assertThat(scrubbed).as(form.getKey() + " leaves no " + trace.getKey())
                        .doesNotContain(trace.getValue());
            }
            assertThat(scrubber.containsSecret(echoed)).as(form.getKey()).isTrue();
            assertThat(scrubber.containsSecret(scrubbed)).as(form.getKey()).isFalse();
        }
    }

    @Test
    void escapes_mixed_in_one_text_and_the_exact_escaped_span_is_blanked() {
        SecretScrubber scrubber = new SecretScrubber(List.of("Bearer " + SLASHED));
        String mixed = "a " + "tk\\/9f8e%2B7d6c&#61;5b4a\\u002fvery-secret" + " b";

        assertThat(scrubber.scrub(mixed)).isEqualTo("a *** b");
        assertThat(scrubber.scrub("tk%2F9f8e%2B7d6c%3D5b4a%2Fvery-secret!")).isEqualTo("***!");
    }

    @Test
    void basic_auth_blanks_the_header_the_encoded_credentials_the_pair_and_the_password() {
        String password = "pa55/w0rd-that-is-long";
        String encoded = Base64.getEncoder().encodeToString(("alice:" + password).getBytes(StandardCharsets.UTF_8));
        SecretScrubber scrubber = new SecretScrubber(List.of("Basic " + encoded));

        assertThat(scrubber.scrub("header Basic " + encoded)).isEqualTo("header ***");
        assertThat(scrubber.scrub("got " + encoded)).isEqualTo("got ***");
        assertThat(scrubber.scrub("user alice:" + password + ".")).isEqualTo("user ***.");
        assertThat(scrubber.scrub("password " + password.replace("/", "\\/"))).isEqualTo("password ***");
        assertThat(scrubber.scrub("user alice")).isEqualTo("user alice"); // a user name alone is no secret
    }

    @Test
    void a_fragment_of_three_quarters_of_a_token_is_a_leak_and_shorter_runs_are_not() {
        SecretScrubber scrubber = new SecretScrubber(List.of("Bearer " + TOKEN)); // 19 characters
        int minimum = SecretScrubber.fragmentLength(TOKEN.length());

        assertThat(minimum).isEqualTo(15);
        assertThat(scrubber.scrub("x" + TOKEN.substring(2, 2 + minimum) + "y")).isEqualTo("x***y");
        assertThat(scrubber.scrub("x" + TOKEN.substring(2, 1 + minimum) + "y"))
                .isEqualTo("x" + TOKEN.substring(2, 1 + minimum) + "y");
        // short secrets are only matched whole: a five-character run of a six-character key is not a leak
        assertThat(new SecretScrubber(List.of("k3y-42")).scrub("k3y-4 and k3y-42")).isEqualTo("k3y-4 and ***");
    }

    @Test
    void text_without_a_secret_is_returned_as_it_is_escapes_and_all() {
        SecretScrubber scrubber = new SecretScrubber(List.of("Bearer " + SLASHED));
        String text = "{\"path\":\"a\\/b\",\"pct\":\"50%\",\"html\":\"&amp; &#x2F;\",\"u\":\"\\u00e9\"}";

        assertThat(scrubber.scrub(text)).isSameAs(text);
        assertThat(scrubber.containsSecret(text)).isFalse();
    }
}
