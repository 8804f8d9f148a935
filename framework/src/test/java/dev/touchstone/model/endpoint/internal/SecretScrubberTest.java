package dev.touchstone.model.endpoint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
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
}
