package dev.touchstone.wording;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One labelled fact of a statement's evidence, its numbers already written by {@link Digits}:
 * {@code interval: 95% [0.846, 0.897] wilson}. A message is a headline and a list of facts with
 * aligned keys, as Truth writes them; a report can lay the same list out as a table.
 *
 * @param key   what the fact is ({@code value}, {@code interval}, {@code reference}, ...)
 * @param value the fact, on one line; names and values from data are not escaped here (each
 *              output escapes for its own medium)
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.3")
public record Fact(String key, String value) {

    public Fact {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
    }
}
