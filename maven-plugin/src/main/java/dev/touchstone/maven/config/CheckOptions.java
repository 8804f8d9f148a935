package dev.touchstone.maven.config;

import dev.touchstone.gate.GateOptions;
import java.nio.file.Path;

/**
 * What the {@code check} goal does, converted from its Mojo fields.
 *
 * @param resultsFile     {@code results.json} in the results directory
 * @param summaryFile     {@code summary.md} beside it
 * @param haltOnFailure   fail the build when the gate fails (else warn)
 * @param failIfNoResults fail when there is no results file (else log and pass)
 * @param gate            how the run is judged
 */
public record CheckOptions(Path resultsFile, Path summaryFile, boolean haltOnFailure, boolean failIfNoResults,
        GateOptions gate) {
}
