package dev.touchstone.maven.config;

import java.nio.file.Path;

/**
 * What the {@code baseline} goal does, converted from its Mojo fields.
 *
 * @param resultsDirectory  where the last run left its results and baseline candidate
 * @param baselineDirectory the committed baseline store ({@code src/test/touchstone})
 * @param name              the baseline to update ({@code previous-run})
 * @param prune             remove the entries the run did not measure
 * @param force             promote a run that did not pass, or a prune that loses entries of checks that did not run
 */
public record BaselineOptions(Path resultsDirectory, Path baselineDirectory, String name, boolean prune, boolean force) {
}
