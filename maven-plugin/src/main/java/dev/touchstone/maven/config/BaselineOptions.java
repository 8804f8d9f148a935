package dev.touchstone.maven.config;

import java.nio.file.Path;

/**
 * What the {@code baseline} goal does, converted from its Mojo fields.
 *
 * @param resultsDirectory  where the last run left its results and baseline candidate
 * @param baselineDirectory the committed baseline store ({@code src/test/touchstone})
 * @param name              the baseline to replace ({@code previous-run})
 */
public record BaselineOptions(Path resultsDirectory, Path baselineDirectory, String name) {
}
