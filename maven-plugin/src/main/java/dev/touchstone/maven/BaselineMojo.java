package dev.touchstone.maven;

import dev.touchstone.baseline.BaselineChange;
import dev.touchstone.baseline.BaselineStore;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.maven.config.BaselineOptions;
import dev.touchstone.maven.config.MojoOptionsConverter;
import java.io.File;
import java.util.List;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Promotes the last run (values and per-example outcomes, recorded by the engine beside
 * {@code results.json}) to the committed baseline store, atomically, and prints what changed
 * against the previous baseline. Run it after {@code mvn verify}: {@code mvn touchstone:baseline}.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractQualityMojo {

    /** Where the last run left its results (the engine's {@code touchstone.results.dir}). */
    @Parameter(property = ConfigKeys.RESULTS_DIR, defaultValue = "${project.build.directory}/touchstone")
    File resultsDirectory;

    /** The committed baseline store (the engine's {@code touchstone.baseline.dir}). */
    @Parameter(property = ConfigKeys.BASELINE_DIR, defaultValue = "${project.basedir}/src/test/touchstone")
    File baselineDirectory;

    /** The baseline to replace: {@code previous-run} is what {@code Baseline.previousRun()} compares with. */
    @Parameter(property = MojoOptionsConverter.BASELINE_NAME, defaultValue = "previous-run")
    String name;

    @Override
    String goal() {
        return "baseline";
    }

    @Override
    void executeGoal() throws MojoExecutionException {
        BaselineOptions options = MojoOptionsConverter.baseline(resultsDirectory, baselineDirectory, name);
        BaselineChange change = BaselineStore.promote(options.resultsDirectory(), options.baselineDirectory(), options.name());
        boolean created = change.removed().isEmpty() && change.improved().isEmpty() && change.degraded().isEmpty()
                && change.unchanged().isEmpty();
        int total = change.added().size() + change.improved().size() + change.degraded().size() + change.unchanged().size();
        if (created) {
            getLog().info("Touchstone baseline " + options.name() + " created in " + change.directory() + ": "
                    + total + (total == 1 ? " entry" : " entries"));
        } else {
            getLog().info("Touchstone baseline " + options.name() + " updated in " + change.directory() + ": "
                    + change.added().size() + " added, " + change.removed().size() + " removed, "
                    + change.improved().size() + " improved, " + change.degraded().size() + " degraded, "
                    + change.unchanged().size() + " unchanged");
        }
        list("added", change.added());
        list("removed", change.removed());
        list("improved", change.improved());
        list("degraded", change.degraded());
        if (getLog().isDebugEnabled()) {
            list("unchanged", change.unchanged());
        }
    }

    private void list(String what, List<String> keys) {
        for (String key : keys) {
            getLog().info(String.format("  %-9s %s", what, key));
        }
    }
}
