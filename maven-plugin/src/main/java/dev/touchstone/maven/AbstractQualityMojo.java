package dev.touchstone.maven;

import dev.touchstone.config.QualityConfigurationException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What every goal shares: {@code touchstone.skip}, and the mapping of a broken setup (a
 * {@link QualityConfigurationException} that names the file or key) to a build error.
 */
public abstract class AbstractQualityMojo extends AbstractMojo {

    /** Skips every Touchstone goal. */
    @Parameter(property = "touchstone.skip", defaultValue = "false")
    boolean skip;

    @Parameter(defaultValue = "${project}", readonly = true, required = true)
    MavenProject project;

    @Override
    public final void execute() throws MojoExecutionException, MojoFailureException {
        if (skip) {
            getLog().info("Skipping Touchstone " + goal() + ": touchstone.skip=true");
            skipped("touchstone.skip=true");
            return;
        }
        try {
            executeGoal();
        } catch (QualityConfigurationException e) {
            throw new MojoExecutionException(e.getMessage(), e);
        }
    }

    /** What the goal leaves behind when it is skipped; by default nothing. */
    void skipped(String reason) throws MojoExecutionException {
    }

    /** The goal's name, for messages. */
    abstract String goal();

    /**
     * The goal. A quality failure throws {@link MojoFailureException}; a broken setup throws
     * {@link MojoExecutionException} or {@link QualityConfigurationException}, naming the file or key.
     */
    abstract void executeGoal() throws MojoExecutionException, MojoFailureException;
}
