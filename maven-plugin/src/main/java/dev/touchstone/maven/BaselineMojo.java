package dev.touchstone.maven;

import dev.touchstone.baseline.BaselineChange;
import dev.touchstone.baseline.BaselineStore;
import dev.touchstone.config.ConfigKeys;
import dev.touchstone.gate.Promotion;
import dev.touchstone.maven.config.BaselineOptions;
import dev.touchstone.maven.config.MojoOptionsConverter;
import java.io.File;
import java.util.Locale;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Promotes the last run (values and per-example outcomes, recorded by the engine beside
 * {@code results.json}) into the committed baseline store, and prints every entry that changed
 * with its values. Entries the run did not measure are kept, unless
 * {@code -Dtouchstone.baseline.prune=true}. A run whose results did not all pass is not promoted
 * without {@code -Dtouchstone.baseline.force=true}: the refusal lists what it would bless. Run it
 * after {@code mvn verify}: {@code mvn touchstone:baseline}.
 */
@Mojo(name = "baseline", threadSafe = true)
public class BaselineMojo extends AbstractQualityMojo {

    /** Where the last run left its results (the engine's {@code touchstone.results.dir}). */
    @Parameter(property = ConfigKeys.RESULTS_DIR, defaultValue = "${project.build.directory}/touchstone")
    File resultsDirectory;

    /** The committed baseline store (the engine's {@code touchstone.baseline.dir}). */
    @Parameter(property = ConfigKeys.BASELINE_DIR, defaultValue = "${project.basedir}/src/test/touchstone")
    File baselineDirectory;

    /** The baseline to update: {@code previous-run} is what {@code Baseline.previousRun()} compares with. */
    @Parameter(property = MojoOptionsConverter.BASELINE_NAME, defaultValue = "previous-run")
    String name;

    /** Remove the baseline's entries that the run did not measure (checks or slices that are gone). */
    @Parameter(property = ConfigKeys.BASELINE_PRUNE, defaultValue = "false")
    boolean prune;

    /** Promote although the run has results that did not pass, or pruning removes entries of checks that did not run. */
    @Parameter(property = ConfigKeys.BASELINE_FORCE, defaultValue = "false")
    boolean force;

    @Override
    String goal() {
        return "baseline";
    }

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        BaselineOptions options = MojoOptionsConverter.baseline(resultsDirectory, baselineDirectory, name, prune, force);
        BaselineChange change;
        try {
            change = Promotion.promote(options.resultsDirectory(), options.baselineDirectory(),
                    new Promotion.Options(options.name(), options.prune(), options.force()), BaselineStore.standard());
        } catch (Promotion.Refused refused) {
            throw new MojoFailureException(refused.getMessage());
        }
        if (change.created()) {
            getLog().info("Touchstone baseline " + options.name() + " created in " + change.directory() + ": "
                    + change.entries().size() + (change.entries().size() == 1 ? " entry" : " entries"));
        } else {
            getLog().info("Touchstone baseline " + options.name() + " updated in " + change.directory() + ": "
                    + change.counts());
        }
        for (BaselineChange.Entry e : change.entries()) {
            boolean quiet = e.kind() == BaselineChange.Kind.UNCHANGED || e.kind() == BaselineChange.Kind.KEPT;
            if (!quiet || getLog().isDebugEnabled()) {
                getLog().info(String.format(Locale.ROOT, "  %-9s %s  %s", e.kind().label(), e.key(), e.values()));
            }
        }
    }
}
